using System.Text.RegularExpressions;
using Muster.Cli;
using Muster.Tests.Reports;

namespace Muster.Tests.Cli.Terminal;

/// <summary>What `muster audit` prints on stderr after the run, on a small workspace with one planted key.</summary>
public sealed class AuditTerminalOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-terminal-").FullName;
    private readonly string _key = TestSecrets.AnthropicShaped(5150);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Workspace()
    {
        var root = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, "README.md"), "# demo\n");
        File.WriteAllText(Path.Combine(root, "config", "anthropic.env"), "ANTHROPIC_API_KEY=" + _key + "\n");
        return root;
    }

    private async Task<(int Code, string Out, string Err)> Audit(params string[] extra) =>
        await CliRunner.RunAsync(["audit", Workspace(), "--state", Path.Combine(_dir, "state"), "--output", Path.Combine(_dir, "out"), .. extra]);

    [Fact]
    public async Task The_findings_are_listed_on_stderr_with_rule_and_location_and_never_the_secret()
    {
        var (code, stdout, stderr) = await Audit();

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Equal("", stdout);
        Assert.Matches(new Regex(@"^CRITICAL secrets/[a-z-]+ +config/anthropic\.env:1 +\S.*$", RegexOptions.Multiline), stderr.ReplaceLineEndings("\n"));
        Assert.Matches(new Regex(@"^Findings at MEDIUM or above: \d+", RegexOptions.Multiline), stderr);
        Assert.DoesNotContain(_key[^60..], stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stderr); // not a terminal: no colour
        Assert.True(stderr.IndexOf("Findings at", StringComparison.Ordinal) < stderr.IndexOf("Quality gates:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_limit_of_one_leaves_the_rest_to_report_md()
    {
        var (_, _, stderr) = await Audit("--findings-limit", "1", "--min-severity", "info");

        var lines = stderr.ReplaceLineEndings("\n").Split('\n');
        Assert.Single(lines, l => Regex.IsMatch(l, "^(CRITICAL|HIGH|MEDIUM|LOW|INFO) +[a-zA-Z]"));
        Assert.Matches(new Regex($@"^and \d+ more in {Regex.Escape(Path.Combine(_dir, "out", "report.md"))}$", RegexOptions.Multiline), stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Quiet_prints_the_gates_and_what_failed_only()
    {
        var (code, _, stderr) = await Audit("--quiet");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("Quality gates:", stderr, StringComparison.Ordinal);
        Assert.Contains("FAILED: gate Security:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Findings at", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("agent secrets", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_threshold_or_limit_is_a_usage_error()
    {
        var (code, _, stderr) = await Audit("--min-severity", "severe");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--min-severity must be CRITICAL, HIGH, MEDIUM, LOW or INFO, not 'severe'", stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, (await Audit("--findings-limit", "-1")).Code);
    }
}
