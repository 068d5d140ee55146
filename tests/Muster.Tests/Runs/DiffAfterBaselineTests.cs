using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Tests.Runs;

/// <summary>Regression (issue 11): after <c>muster baseline</c>, <c>muster diff</c> compared the audit with the baseline's secrets-only scan.</summary>
public sealed class DiffAfterBaselineTests : IDisposable
{
    private readonly string _ws = Directory.CreateTempSubdirectory("muster-diff-baseline-").FullName;

    public void Dispose() => Directory.Delete(_ws, recursive: true);

    [Fact]
    public async Task Diff_compares_audits_with_audits_and_never_with_a_baseline()
    {
        await File.WriteAllTextAsync(Path.Combine(_ws, "deploy.env"), $"GITHUB_TOKEN={Muster.Tests.Agents.Secrets.Planted.GitHub(11)}\n");
        // Something only the full audit sees (a privileged container): the baseline's scan does not look at it.
        await File.WriteAllTextAsync(Path.Combine(_ws, "docker-compose.yml"), "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
        var state = Path.Combine(_ws, ".muster");

        await Audit("first");
        var (baselineCode, _, baselineErr) = await CliRunner.RunAsync("baseline", _ws);
        Assert.True(baselineCode == 0, baselineErr);

        var (oneAudit, _, oneAuditErr) = await CliRunner.RunAsync("diff", "--state", state);
        Assert.Equal(2, oneAudit);
        Assert.Contains("1 audit run(s)", oneAuditErr, StringComparison.Ordinal);

        await Audit("second");
        var (code, stdout, stderr) = await CliRunner.RunAsync("diff", "--state", state);
        Assert.True(code == 0, stderr);
        Assert.Contains("FIXED (0)", stdout, StringComparison.Ordinal);
        Assert.Contains("NEW (0)", stdout, StringComparison.Ordinal);
        // The baseline hides the token now: its gaps left the report, suppressed, not fixed; the privileged container persists.
        Assert.Contains("SUPPRESSED (2)", stdout, StringComparison.Ordinal);
        Assert.Contains("Privileged container", stdout[stdout.IndexOf("PERSISTING", StringComparison.Ordinal)..], StringComparison.Ordinal);

        using var journal = JournalReader.Open(state);
        var runs = journal.ListRuns();
        Assert.Equal([RunPurpose.Audit, RunPurpose.Baseline, RunPurpose.Audit], runs.Select(r => r.Purpose));
        var (mixed, _, mixedErr) = await CliRunner.RunAsync("diff", runs[1].RunId, runs[2].RunId, "--state", state);
        Assert.Equal(2, mixed);
        Assert.Contains("is a baseline and run", mixedErr, StringComparison.Ordinal);
    }

    private async Task Audit(string name)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("audit", _ws, "--output", Path.Combine(_ws, "..", Path.GetFileName(_ws) + "-" + name), "--format", "json", "--fail-on", "none");
        Assert.True(code is 0 or 1, stderr);
    }
}
