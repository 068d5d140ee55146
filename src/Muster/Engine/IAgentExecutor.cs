using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// Runs one attempt of one agent. The seam between deciding what runs (<see cref="WaveScheduler"/>, timeouts, retries in
/// <see cref="AgentSupervisor"/>) and where it runs: an out-of-process or distributed executor implements this alone.
/// </summary>
public interface IAgentExecutor
{
    Task<AgentResult> ExecuteAsync(AgentInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>Everything an executor needs to run one attempt.</summary>
public sealed record AgentInvocation(
    string RunId,
    AgentSpec Spec,
    string Root,
    int Attempt,
    IReadOnlyList<PriorOutput> Upstream,
    IReadOnlyDictionary<string, string> RunParameters,
    RunServices Services,
    Action<string> ReportProgress)
{
    /// <summary>
    /// The executor says where the attempt runs as soon as it knows (before the agent finishes), so a live
    /// <c>muster status</c> and a failed attempt's outcome both show the host.
    /// </summary>
    public Action<string> ReportHost { get; init; } = static _ => { };
}
