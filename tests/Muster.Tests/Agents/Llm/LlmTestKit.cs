using System.Text.Json;
using Muster.Agents;
using Muster.Agents.Llm;
using Muster.Model;

namespace Muster.Tests.Agents.Llm;

internal static class LlmTestKit
{
    public const string StatusDoc = "# Ecosystem status\n\nAll 20/20 containers running.\nAWS: integrated\n";

    public static Dictionary<string, object?> Settings(FakeOpenAiServer server, bool stream = false) => new()
    {
        ["base-url"] = server.BaseUrl,
        ["model"] = "test-model",
        ["instructions"] = "Check the status claims in docs/STATUS.md.",
        ["stream"] = stream ? "true" : "false",
        ["pricing"] = new Dictionary<string, object?> { ["input"] = "1.0", ["output"] = "2.0" },
    };

    public static AgentContext Context(string root, Dictionary<string, object?> settings, ISecretScrubber? scrubber = null,
        RunServices? services = null, IReadOnlyDictionary<string, string>? runParameters = null,
        IReadOnlyList<PriorOutput>? upstream = null, string agentId = "llm-1") => new()
        {
            RunId = "run-test",
            AgentId = agentId,
            Kind = "llm",
            Role = AgentRole.Verification,
            Root = root,
            Settings = new AgentSettings(settings),
            Scrubber = scrubber ?? new TestSecretScrubber(),
            Services = services ?? new RunServices(),
            RunParameters = runParameters ?? new Dictionary<string, string>(),
            Upstream = upstream ?? [],
        };

    public static Task<AgentResult> Run(AgentContext context, CancellationToken ct = default) => new LlmAgent().RunAsync(context, ct);

    public static object Finding(string path, int line, string quote, string rule = "unverified-status-claim", string severity = "HIGH") => new Dictionary<string, object>
    {
        ["rule_id"] = rule,
        ["title"] = "Status claim not backed by evidence",
        ["severity"] = severity,
        ["category"] = "docs",
        ["message"] = "The document claims every container runs; nothing in the workspace shows it.",
        ["path"] = path,
        ["line"] = line,
        ["quote"] = quote,
        ["remediation"] = "Replace the claim with the output of a health check.",
    };

    public static TextTurn Final(string summary, params object[] findings) =>
        new(JsonSerializer.Serialize(new Dictionary<string, object> { ["summary"] = summary, ["findings"] = findings }));
}
