using Microsoft.Data.Sqlite;
using Muster.Engine.Journal;
using Muster.Model;

namespace Muster.Tests.Cli;

/// <summary>The journal against real process deaths: SIGKILL mid-run, SIGTERM, then resume.</summary>
public sealed class CrashAndResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-crash-").FullName;
    private string Workspace => Path.Combine(_dir, "ws");
    private string State => Path.Combine(_dir, "state");

    public CrashAndResumeTests()
    {
        Directory.CreateDirectory(Workspace);
        File.WriteAllText(Path.Combine(Workspace, "app.py"), "print('hi')\n");
        File.WriteAllText(Path.Combine(_dir, "plan.yaml"), """
            name: crash-drill
            # Only the verification gate: no agent here gives the data the others need (each would be not evaluated).
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: scan
                agents:
                  - {id: inventory, kind: workspace-inventory}
                  - {id: quick, kind: sleep, with: {duration: 50ms}}
              # Long enough that a `muster status` started under CI load still sees it running before the kill.
              - name: slow
                agents:
                  - {id: long, kind: sleep, with: {duration: 20s}, timeout: {soft: 300ms, hard: 1m}}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_SIGKILLed_run_keeps_finished_agents_and_resume_does_not_redo_them()
    {
        string runId;
        using (var muster = MusterProcess.Start(_dir, "run", "plan.yaml", "--root", Workspace, "--state", State, "--output", Path.Combine(_dir, "out")))
        {
            runId = await WaitForAsync(() => LongAgentOverdue(), TimeSpan.FromSeconds(60), muster);

            // While it runs, `muster status` shows the overdue agent of the live run.
            using (var status = MusterProcess.Start(_dir, "status", runId, "--state", State))
            {
                Assert.Equal(0, await status.WaitAsync(TimeSpan.FromSeconds(60)));
                Assert.Matches(@"long\s+2 overdue", status.Stdout);
                Assert.Matches(@"inventory\s+1 succeeded", status.Stdout);
            }
            muster.KillHard();
            await muster.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("ok", IntegrityCheck());
        using (var reader = JournalReader.Open(State))
        {
            Assert.Equal("running", reader.FindRun(runId)!.Status);
            var agents = reader.LoadAgents(runId).ToDictionary(a => a.AgentId);
            Assert.Equal(AgentState.Succeeded, agents["inventory"].State);
            Assert.Contains("inventory.md", agents["inventory"].Result.Artifacts.Select(a => a.Name));
        }

        using var resume = MusterProcess.Start(_dir, "resume", runId, "--state", State, "--output", Path.Combine(_dir, "out"));
        Assert.Equal(0, await resume.WaitAsync(TimeSpan.FromSeconds(90)));

        using (var reader = JournalReader.Open(State))
        {
            var run = reader.LoadOutcome(runId)!;
            Assert.Equal("completed", RunStatusText(run));
            var agents = run.Agents.ToDictionary(a => a.AgentId);
            Assert.True(agents["inventory"].Reused);
            Assert.True(agents["quick"].Reused);
            Assert.False(agents["long"].Reused);
            Assert.Equal(AgentState.Succeeded, agents["long"].State);
            Assert.Contains("inventory.md", agents["inventory"].Result.Artifacts.Select(a => a.Name));
        }
        Assert.True(File.Exists(Path.Combine(_dir, "out", "CONTINUATION.md")));
    }

    [Fact]
    public async Task SIGTERM_stops_the_run_flushes_the_journal_and_prints_how_to_resume()
    {
        using var muster = MusterProcess.Start(_dir, "run", "plan.yaml", "--root", Workspace, "--state", State, "--output", Path.Combine(_dir, "out"));
        var runId = await WaitForAsync(() => LongAgentOverdue(), TimeSpan.FromSeconds(60), muster);

        muster.Signal(NativeSignal.SIGTERM);
        var exit = await muster.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Contains($"muster resume {runId}", muster.Stderr, StringComparison.Ordinal);
        using var reader = JournalReader.Open(State);
        Assert.Equal("interrupted", reader.FindRun(runId)!.Status);
        Assert.Equal(AgentState.Cancelled, reader.LoadAgents(runId).Single(a => a.AgentId == "long").State);
        var continuation = File.ReadAllText(Path.Combine(_dir, "out", "CONTINUATION.md"));
        Assert.Contains("`long` (sleep, wave 2): cancelled", continuation, StringComparison.Ordinal);
        Assert.Contains($"muster resume {runId}", continuation, StringComparison.Ordinal);
    }

    private static string RunStatusText(Muster.Engine.RunOutcome run) => run.Status.ToString().ToLowerInvariant();

    /// <summary>The run id once the slow agent of wave 2 is overdue (wave 1 is then journaled).</summary>
    private string? LongAgentOverdue()
    {
        if (!File.Exists(Path.Combine(State, RunJournal.FileName))) return null;
        try
        {
            using var reader = JournalReader.Open(State);
            var run = reader.ListRuns().LastOrDefault();
            if (run is null) return null;
            var agents = reader.LoadAgents(run.RunId);
            return agents.Any(a => a.AgentId == "long" && a.State == AgentState.Overdue) ? run.RunId : null;
        }
        catch (Exception e) when (e is SqliteException or JournalException)
        {
            return null; // the schema is being created
        }
    }

    private static async Task<string> WaitForAsync(Func<string?> probe, TimeSpan timeout, MusterProcess process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException($"condition not reached in {timeout}; muster said:\n{process.Stderr}");
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(State, RunJournal.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
