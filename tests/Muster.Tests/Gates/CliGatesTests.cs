using Muster.Cli;
using Muster.Tests.Reports;

namespace Muster.Tests.Gates;

public sealed class CliGatesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-gates-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Muster(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task A_planted_key_fails_the_gates_and_exit_code_and_once_removed_diff_shows_it_fixed()
    {
        var root = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, "README.md"), "# demo\n");
        var key = Path.Combine(root, "config", "anthropic.env");
        File.WriteAllText(key, "ANTHROPIC_API_KEY=" + TestSecrets.AnthropicShaped(4242) + "\n");
        var state = Path.Combine(_dir, "state");

        var (code, _, stderr) = await Muster("audit", root, "--state", state, "--output", Path.Combine(_dir, "r1"), "--fail-on", "none");

        Assert.True(code == ExitCodes.GateFailed, stderr);
        Assert.Contains("Quality gates:", stderr, StringComparison.Ordinal);
        Assert.Contains("FAILED: gate Security:", stderr, StringComparison.Ordinal);
        var markdown = File.ReadAllText(Path.Combine(_dir, "r1", "report.md"));
        Assert.True(markdown.IndexOf("## Quality gates", StringComparison.Ordinal) < markdown.IndexOf("## Executive summary", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_dir, "r1", "report.html")));
        Assert.DoesNotContain(TestSecrets.AnthropicShaped(4242), File.ReadAllText(Path.Combine(_dir, "r1", "report.html")), StringComparison.Ordinal);

        File.Delete(key);
        (code, _, stderr) = await Muster("audit", root, "--state", state, "--output", Path.Combine(_dir, "r2"), "--fail-on", "none");
        Assert.DoesNotContain("FAILED: gate Security", stderr, StringComparison.Ordinal);

        var (diffCode, diff, diffErr) = await Muster("diff", "--state", state);
        Assert.True(diffCode == ExitCodes.Passed, diffErr);
        var fixedSection = diff[diff.IndexOf("FIXED", StringComparison.Ordinal)..diff.IndexOf("PERSISTING", StringComparison.Ordinal)];
        Assert.Contains("config/anthropic.env", fixedSection, StringComparison.Ordinal);
        Assert.Contains("## Trend", File.ReadAllText(Path.Combine(_dir, "r2", "report.md")), StringComparison.Ordinal);
        Assert.Contains("(this run)", File.ReadAllText(Path.Combine(_dir, "r2", "report.md")), StringComparison.Ordinal);
    }
}
