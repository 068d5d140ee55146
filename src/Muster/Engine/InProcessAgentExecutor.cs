using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Agents;
using Muster.Model;

namespace Muster.Engine;

/// <summary>Runs agents in this process, each on the thread pool so a blocking agent cannot stall the scheduler.</summary>
/// <param name="hostName">What results record as their host (<see cref="AgentResult.Host"/>); default: this machine's name.</param>
public sealed class InProcessAgentExecutor(
    AgentRegistry registry,
    ISecretScrubber scrubber,
    TimeProvider time,
    ILoggerFactory? loggers = null,
    string? hostName = null) : IAgentExecutor
{
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;
    private readonly string _hostName = hostName ?? Environment.MachineName;

    public Task<AgentResult> ExecuteAsync(AgentInvocation invocation, CancellationToken cancellationToken)
    {
        invocation.ReportHost(_hostName);
        var descriptor = registry.Get(invocation.Spec.Kind);
        var context = new AgentContext
        {
            RunId = invocation.RunId,
            AgentId = invocation.Spec.Id,
            Kind = invocation.Spec.Kind,
            Role = invocation.Spec.Role,
            Root = invocation.Root,
            Settings = invocation.Spec.Settings,
            RunParameters = invocation.RunParameters,
            Upstream = invocation.Upstream,
            Attempt = invocation.Attempt,
            Time = time,
            Logger = new LazyLogger(_loggers, "Muster.Agent." + invocation.Spec.Id),
            Scrubber = scrubber,
            Services = invocation.Services,
            ReportProgress = invocation.ReportProgress,
        };
        return Task.Run(async () =>
        {
            var agent = descriptor.Create();
            try
            {
                var result = await agent.RunAsync(context, cancellationToken).ConfigureAwait(false);
                return Stamp(result, invocation.Spec.Id, scrubber) with { Host = _hostName };
            }
            finally
            {
                (agent as IDisposable)?.Dispose();
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Every finding carries the agent that made it and a fingerprint, and no text an agent returns leaves it unscrubbed:
    /// agents redact their own evidence, this is the second line of defence.
    /// </summary>
    internal static AgentResult Stamp(AgentResult result, string agentId, ISecretScrubber scrubber) => result with
    {
        Summary = scrubber.Scrub(result.Summary),
        Findings = result.Findings.Select(f => (f with
        {
            AgentId = f.AgentId.Length == 0 ? agentId : f.AgentId,
            Title = scrubber.Scrub(f.Title),
            Message = scrubber.Scrub(f.Message),
            Evidence = f.Evidence is null ? null : scrubber.Scrub(f.Evidence),
            Remediation = f.Remediation is null ? null : scrubber.Scrub(f.Remediation),
            // File and folder names are workspace text too: a key file named by its key must not carry it whole.
            Location = f.Location is null ? null : f.Location with { Path = scrubber.Scrub(f.Location.Path) },
            Properties = ScrubValues(f.Properties, scrubber),
        }).WithDefaultFingerprint()).ToList(),
        Artifacts = result.Artifacts.Select(a => a with { Content = scrubber.Scrub(a.Content) }).ToList(),
    };

    // Properties carry workspace text too (claim subjects, claimed values): they reach report.json and the journal.
    private static Dictionary<string, string> ScrubValues(IReadOnlyDictionary<string, string> properties, ISecretScrubber scrubber) =>
        properties.ToDictionary(p => p.Key, p => scrubber.Scrub(p.Value));
}
