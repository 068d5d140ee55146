using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.Secrets;

internal static class SecretsAgentRunner
{
    public static Task<AgentResult> RunAsync(string root, IReadOnlyDictionary<string, object?>? settings = null, ISecretScrubber? scrubber = null,
        IReadOnlyDictionary<string, string>? runParameters = null, IProcessStarter? processes = null)
    {
        var context = new AgentContext
        {
            RunId = "run-test",
            AgentId = "secrets-1",
            Kind = "secrets",
            Role = AgentRole.Scanner,
            Root = root,
            Settings = new AgentSettings(settings ?? new Dictionary<string, object?>()),
            Scrubber = scrubber ?? NoSecretScrubber.Instance,
            RunParameters = runParameters ?? new Dictionary<string, string>(),
            Processes = processes ?? SystemProcessStarter.Instance,
        };
        return SecretsAgent.Descriptor.Create().RunAsync(context, CancellationToken.None);
    }

    public static IEnumerable<Finding> Secrets(this AgentResult result) =>
        result.Findings.Where(f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal)
                                   && f.RuleId is not SecretsAgent.ScanErrorRuleId and not SecretsAgent.SensitiveFileRuleId
                                   && !f.RuleId.StartsWith("secrets/history-", StringComparison.Ordinal));
}
