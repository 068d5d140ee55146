using Muster.Agents;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.Command;

internal static class TestContexts
{
    public static AgentContext For(string root, IReadOnlyDictionary<string, object?> settings, ISecretScrubber? scrubber = null,
        string kind = "command", AgentRole role = AgentRole.Verification, IAgentEnvironment? environment = null,
        IProcessStarter? processes = null, TimeProvider? time = null) => new()
        {
            RunId = "run-test",
            AgentId = kind + "-1",
            Kind = kind,
            Role = role,
            Root = root,
            Settings = new AgentSettings(settings),
            Scrubber = scrubber ?? NoSecretScrubber.Instance,
            Environment = environment ?? ProcessAgentEnvironment.Instance,
            Processes = processes ?? SystemProcessStarter.Instance,
            Time = time ?? TimeProvider.System,
        };

    public static IReadOnlyList<object?> List(params string[] items) => items;

    public static IReadOnlyDictionary<string, object?> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (object?)p.Value);
}
