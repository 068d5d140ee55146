using System.Text;
using Muster.Agents.Secrets;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Command;

/// <summary>Issue 18, leak path 2 end to end: command output that holds credentials leaves none whole in the journal's raw bytes.</summary>
public sealed class CommandJournalScrubTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("muster-cmdscrub-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Journal_holds_no_run_of_a_credential_from_stdout_stderr_sarif_or_a_failure()
    {
        using var root = new TempTree();
        root.Write("src/app.py", "x = 1\n");
        var plants = new[] { Planted.Anthropic(191), Planted.GitHub(192), Planted.GoogleApiKey(193), Planted.OpenAiProject(194) };
        var sarifResults = string.Join(",", plants.Select((p, i) =>
            "{\"ruleId\":\"leak-" + i + "\",\"message\":{\"text\":\"found " + p + "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/app.py\"}," +
            "\"region\":{\"startLine\":1,\"snippet\":{\"text\":\"KEY=" + p + "\"}}}}]}"));
        root.Write("out.sarif", $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"scanner"}},"results":[{{{sarifResults}}}]}]}""");
        root.Write("err.txt", string.Join('\n', plants.Select(p => $"warning: token {p} rejected")) + "\n");
        root.Write("lines.txt", string.Join('\n', plants.Select(p => $"src/app.py:1: error: hard-coded {p}")) + "\n");
        const string plan = """
            name: leak
            waves:
              - name: tools
                agents:
                  - id: sarif
                    kind: command
                    with: {program: sh, args: ["-c", "cat out.sarif; cat err.txt >&2"], parser: sarif}
                  - id: regex
                    kind: command
                    with: {program: sh, args: ["-c", "cat lines.txt"], parser: regex, pattern: '^(?<file>[^:]+):(?<line>\d+): (?<severity>\w+): (?<message>.*)$'}
                  - id: raw
                    kind: command
                    with: {program: sh, args: ["-c", "cat lines.txt; cat err.txt >&2"]}
                  - id: failing
                    kind: command
                    retries: 0
                    with: {program: sh, args: ["-c", "cat err.txt >&2; exit 4"]}
                exit: [all-succeeded]
                on-fail: continue
            """;
        var registry = BuiltInAgents.CreateRegistry();
        var host = new RunHost(registry, new EngineOptions(), new RuleBasedSecretScrubber());

        var outcome = await host.StartAsync(new PlanParser(registry).Parse(plan, "leak.yaml"), root.Path, _state,
            new Dictionary<string, string>(), [], CancellationToken.None, "leak");

        Assert.Equal(8, outcome.Findings.Count(f => f.AgentId is "sarif" or "regex"));
        var bytes = Directory.GetFiles(_state).SelectMany(File.ReadAllBytes).ToArray();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("exited with code 4", raw);
        foreach (var plant in plants) LeakCheck.AssertNone(raw, plant, "the journal's bytes");
    }
}
