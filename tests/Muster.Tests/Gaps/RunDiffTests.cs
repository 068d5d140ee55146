using Muster.Agents;
using Muster.Cli;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Gaps;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.Gaps;

public sealed class RunDiffTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-diff-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Plan = """
        name: planted
        waves:
          - name: scan
            agents: [{id: planted-scan, kind: planted}]
        """;

    /// <summary>Reports each "*.key" file as a CRITICAL exposed key, grouped by the file's content, plus one LOW that never goes away.</summary>
    private static EngineHarness Harness() => new EngineHarness().Kind("planted", (ctx, _) =>
    {
        var findings = Directory.EnumerateFiles(ctx.Root, "*.key").Order(StringComparer.Ordinal).Select(path => new Finding
        {
            RuleId = "planted/key",
            Title = "Planted key",
            Severity = Severity.Critical,
            Category = "security",
            Message = "a planted key",
            Location = new SourceLocation(Path.GetFileName(path), 1),
            Properties = new Dictionary<string, string> { [GapRegister.GroupProperty] = Fingerprints.Compute("salt", File.ReadAllText(path)) },
        }.WithDefaultFingerprint()).ToList();
        findings.Add(new Finding { RuleId = "planted/naming", Title = "Naming", Severity = Severity.Low, Category = "documentation", Message = "names" }.WithDefaultFingerprint());
        return Task.FromResult(new AgentResult { Findings = findings });
    });

    [Fact]
    public async Task Fixing_a_planted_key_between_two_runs_shows_it_fixed_in_muster_diff()
    {
        var state = Path.Combine(_root, ".muster");
        File.WriteAllText(Path.Combine(_root, "a.key"), "same-value");
        File.WriteAllText(Path.Combine(_root, "b.key"), "same-value");
        File.WriteAllText(Path.Combine(_root, "c.key"), "other-value");
        var harness = Harness();
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);
        var first = await host.StartAsync(harness.Plan(Plan), _root, state, new Dictionary<string, string>(), [], CancellationToken.None, "run-1");
        Assert.Equal(3, GapRegister.Build(first).Gaps.Count);

        File.Delete(Path.Combine(_root, "a.key"));
        File.Delete(Path.Combine(_root, "b.key"));
        await host.StartAsync(harness.Plan(Plan), _root, state, new Dictionary<string, string>(), [], CancellationToken.None, "run-2");

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MusterCli.RunAsync(["diff", "--state", state], output, error);

        Assert.True(code == ExitCodes.Passed, error.ToString());
        var text = output.ToString();
        Assert.Contains("Gaps from run-1 to run-2", text, StringComparison.Ordinal);
        Assert.Matches(@"new\s+0\s+0\s+0\s+0\s+0", text);
        Assert.Matches(@"fixed\s+1\s+0\s+0\s+0\s+1", text);
        Assert.Matches(@"persisting\s+1\s+0\s+0\s+1\s+2", text);
        var fixedSection = text[text.IndexOf("FIXED (1)", StringComparison.Ordinal)..text.IndexOf("PERSISTING", StringComparison.Ordinal)];
        Assert.Contains("Planted key (2 findings) at a.key:1 and 1 more  [Security]", fixedSection, StringComparison.Ordinal);

        using var journal = JournalReader.Open(state);
        var trend = RunHistory.Trend(journal, "run-2");
        Assert.Equal([("run-1", 3), ("run-2", 2)], trend.Select(p => (p.RunId, p.Total)));
    }

    [Fact]
    public async Task Diff_needs_two_runs()
    {
        var state = Path.Combine(_root, ".muster");
        var harness = Harness();
        await new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance)
            .StartAsync(harness.Plan(Plan), _root, state, new Dictionary<string, string>(), [], CancellationToken.None, "only");
        var error = new StringWriter();

        Assert.Equal(ExitCodes.UsageError, await MusterCli.RunAsync(["diff", "--state", state], new StringWriter(), error));
        Assert.Contains("a diff needs two", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, await MusterCli.RunAsync(["diff", "only", "missing", "--state", state], new StringWriter(), new StringWriter()));
    }
}
