using Muster.Cli;
using Muster.Engine.Journal;

namespace Muster.Tests.Cli;

/// <summary>An error after the agents finished (writing the reports) is exit 3 and a `failed` run, never a `completed` one without reports.</summary>
public sealed class AfterRunFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-afterrun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_report_that_cannot_be_written_journals_the_run_failed_and_resume_finishes_it()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir, "ws")).FullName;
        File.WriteAllText(Path.Combine(root, "README.md"), "# demo\n");
        var state = Path.Combine(_dir, "state");
        var output = Path.Combine(_dir, "out");
        var blocker = Directory.CreateDirectory(Path.Combine(output, "report.json")).FullName; // a folder where the file goes

        var (code, stdout, stderr) = await CliRunner.RunAsync("audit", root, "--state", state, "--output", output, "--quiet");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n'), l => l.StartsWith("internal error (please report): System.IO.IOException: ", StringComparison.Ordinal));
        string runId;
        using (var journal = JournalReader.Open(state))
        {
            var run = Assert.Single(journal.ListRuns());
            Assert.Equal("failed", run.Status);
            Assert.StartsWith("after the run: IOException: ", run.StopReason, StringComparison.Ordinal);
            runId = run.RunId;
        }

        Directory.Delete(blocker);
        var resumed = await CliRunner.RunAsync("resume", runId, "--state", state, "--output", output, "--quiet");

        Assert.True(resumed.Code is ExitCodes.Passed or ExitCodes.GateFailed, resumed.Err);
        Assert.True(File.Exists(Path.Combine(output, "report.json")));
        using (var journal = JournalReader.Open(state))
        {
            Assert.Equal("completed", journal.FindRun(runId)!.Status);
        }
    }
}
