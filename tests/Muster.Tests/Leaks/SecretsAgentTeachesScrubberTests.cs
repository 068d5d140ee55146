using System.Text;
using Muster.Agents.Secrets;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.SecretsCorpus;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Leaks;

/// <summary>Issue 18: a password the secrets agent found is redacted in a later tool's output that no rule would match.</summary>
public sealed class SecretsAgentTeachesScrubberTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("muster-teach-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task A_found_password_quoted_by_a_later_command_agent_reaches_neither_its_findings_nor_the_journal()
    {
        using var root = new TempTree();
        var password = SampleTemplate.Expand("{alnum:22}", 521);
        root.Write(".env", $"ADMIN_PASSWORD={password}\n");
        root.Write("notes.txt", $"app.py:3: warning: grafana login is {password}\n");
        Assert.Equal("x " + password, new RuleBasedSecretScrubber().Scrub("x " + password));
        const string plan = """
            name: teach
            waves:
              - name: secrets
                agents: [{id: secrets, kind: secrets}]
                on-fail: continue
              - name: tools
                agents:
                  - id: lint
                    kind: command
                    with: {program: sh, args: ["-c", "cat notes.txt"], parser: regex, pattern: '^(?<file>[^:]+):(?<line>\d+): (?<severity>\w+): (?<message>.*)$'}
            """;
        var registry = BuiltInAgents.CreateRegistry();
        var host = new RunHost(registry, new EngineOptions(), new RuleBasedSecretScrubber());

        var outcome = await host.StartAsync(new PlanParser(registry).Parse(plan, "teach.yaml"), root.Path, _state,
            new Dictionary<string, string>(), [], CancellationToken.None, "teach");

        Assert.Contains(outcome.Findings, f => f.AgentId == "secrets" && f.RuleId.Contains("password", StringComparison.Ordinal));
        var lint = Assert.Single(outcome.Findings, f => f.AgentId == "lint");
        Assert.StartsWith("grafana login is ", lint.Message, StringComparison.Ordinal);
        var raw = Encoding.UTF8.GetString(Directory.GetFiles(_state).SelectMany(File.ReadAllBytes).ToArray());
        LeakCheck.AssertNone(lint.Message, password, "the finding");
        LeakCheck.AssertNone(raw, password, "the journal");
    }
}
