using System.Text.Json;
using Muster.Cli;
using Muster.Tests.Reports;

namespace Muster.Tests.Cli.Terminal;

/// <summary>`--format json --output -` as `trivy fs --format json`: the report on stdout, everything else on stderr.</summary>
public sealed class StdoutReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-stdout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Workspace()
    {
        var root = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, "config", "anthropic.env"), "ANTHROPIC_API_KEY=" + TestSecrets.AnthropicShaped(31) + "\n");
        return root;
    }

    private string State => Path.Combine(_dir, "state");

    private string KeptReport(string name) =>
        Directory.GetFiles(Path.Combine(State, "reports"), name, SearchOption.AllDirectories).Single();

    [Theory]
    [InlineData("json", "report.json")]
    [InlineData("sarif", "report.sarif")]
    public async Task One_format_goes_to_stdout_exactly_as_the_kept_file_and_the_rest_to_stderr(string format, string file)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("audit", Workspace(), "--state", State, "--format", format, "--output", "-");

        Assert.Equal(ExitCodes.GateFailed, code);
        using var parsed = JsonDocument.Parse(stdout);
        Assert.Equal(File.ReadAllText(KeptReport(file)), stdout);
        Assert.DoesNotContain("Quality gates", stdout, StringComparison.Ordinal);
        Assert.Contains("Quality gates:", stderr, StringComparison.Ordinal);
        Assert.Contains("Findings at MEDIUM or above", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "-")), "a folder named '-' was created");
    }

    [Fact]
    public async Task Stdout_takes_exactly_one_format()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("audit", Workspace(), "--state", State, "--output", "-");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("", stdout);
        Assert.Contains("--output - writes one report to stdout: give exactly one --format", stderr, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.UsageError, (await CliRunner.RunAsync("audit", Workspace(), "--state", State, "--format", "json,sarif", "--output", "-")).Code);
        Assert.False(Directory.Exists(State), "nothing runs on a usage error");
    }

    [Fact]
    public async Task An_existing_file_as_output_is_a_usage_error_that_names_the_fix()
    {
        var file = Path.Combine(_dir, "report.json");
        File.WriteAllText(file, "{}");

        foreach (var output in new[] { file, "/dev/stdout" })
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("audit", Workspace(), "--state", State, "--format", "json", "--output", output);

            Assert.Equal(ExitCodes.UsageError, code);
            Assert.Equal("", stdout);
            Assert.Contains($"--output '{output}' is a file, not a folder", stderr, StringComparison.Ordinal);
            Assert.Contains("'--output -' with one --format", stderr, StringComparison.Ordinal);
        }
        Assert.Equal("{}", File.ReadAllText(file));
        Assert.False(Directory.Exists(State), "nothing runs on a usage error");
    }
}
