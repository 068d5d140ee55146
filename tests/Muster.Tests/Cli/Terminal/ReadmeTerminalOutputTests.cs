using System.Diagnostics;
using System.Text.RegularExpressions;
using Muster.Tests.Golden;

namespace Muster.Tests.Cli.Terminal;

/// <summary>
/// The README's quick-start terminal output is what `./scripts/demo.sh` prints, captured from a real audit of the sample
/// (MUSTER_UPDATE_GOLDEN=1 refreshes it); only the run id and the absolute report folder are replaced.
/// </summary>
public sealed partial class ReadmeTerminalOutputTests : IDisposable
{
    private const string Begin = "<!-- generated:terminal (what ./scripts/demo.sh prints; refresh: MUSTER_UPDATE_GOLDEN=1 dotnet test) -->";
    private const string End = "<!-- /generated:terminal -->";

    private readonly string _dir = Directory.CreateTempSubdirectory("muster-readme-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"\d{8}-\d{6}-[0-9a-f]{4}")]
    private static partial Regex RunId();

    [Fact]
    public async Task The_readme_quick_start_shows_what_the_demo_audit_really_prints()
    {
        var repo = GoldenFile.RepositoryRoot();
        var sample = Path.Combine(_dir, "sample-ecosystem");
        using (var setup = Process.Start(new ProcessStartInfo("bash", [Path.Combine(repo, "samples", "setup.sh"), sample]) { RedirectStandardOutput = true })!)
        {
            await setup.WaitForExitAsync();
            Assert.Equal(0, setup.ExitCode);
        }
        var output = Path.Combine(_dir, "report");

        var (code, _, stderr) = await CliRunner.RunAsync("audit", sample, "--output", output, "--osv-db", Path.Combine(repo, "samples", "osv"));

        Assert.Equal(1, code);
        var lines = stderr.ReplaceLineEndings("\n").Split('\n');
        var runLine = RunId().Replace(lines.Single(l => l.StartsWith("Run ", StringComparison.Ordinal)), "RUN_ID");
        var tail = lines.SkipWhile(l => !l.StartsWith("Findings at", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tail);
        var shown = string.Join("\n", tail).TrimEnd().Replace(output, "out/report", StringComparison.Ordinal);
        var block = $"{Begin}\n```text\n$ ./scripts/demo.sh\n… progress lines …\n{runLine}\n… the reports written and the drift table (configured vs deployed) …\n\n{shown}\n```\n{End}";

        var path = Path.Combine(repo, "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md lacks the {Begin} … {End} block");
        var expected = readme[..start] + block + readme[(end + End.Length)..];
        if (GoldenFile.Updating)
        {
            File.WriteAllText(path, expected);
            readme = expected;
        }

        Assert.True(expected == readme, $"README.md's terminal example is stale: run the tests with {GoldenFile.UpdateVariable}=1 and review the diff");
    }
}
