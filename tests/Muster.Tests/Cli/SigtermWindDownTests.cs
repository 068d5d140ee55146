using Microsoft.Data.Sqlite;
using Muster.Engine.Journal;
using Muster.Model;

namespace Muster.Tests.Cli;

/// <summary>
/// SIGTERM while an agent takes longer to stop than System.CommandLine's default termination timeout (2 s): the
/// process must wait for the run to journal itself as interrupted instead of being ended mid-flush.
/// </summary>
public sealed class SigtermWindDownTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-sigterm-").FullName;
    private string State => Path.Combine(_dir, "state");

    public SigtermWindDownTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "ws"));
        File.WriteAllText(Path.Combine(_dir, "plan.yaml"), """
            name: sigterm-drill
            waves:
              - name: slow
                agents:
                  - {id: slow-stop, kind: sleep, with: {duration: 10m, wind-down: 3s}, timeout: {soft: 9m, hard: 10m}}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SIGTERM_waits_for_an_agent_that_winds_down_and_journals_the_run_interrupted()
    {
        using var muster = MusterProcess.Start(_dir, "run", "plan.yaml", "--root", "ws", "--state", State, "--output", Path.Combine(_dir, "out"));
        var runId = await WaitForRunningAsync(muster, TimeSpan.FromSeconds(90));

        muster.Signal(NativeSignal.SIGTERM);
        var exit = await muster.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 1, $"exit {exit}; muster said:\n{muster.Stderr}");
        using var reader = JournalReader.Open(State);
        Assert.Equal("interrupted", reader.FindRun(runId)!.Status);
        Assert.Equal(AgentState.Cancelled, reader.LoadAgents(runId).Single().State);
        Assert.Contains($"muster resume {runId}", muster.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> WaitForRunningAsync(MusterProcess muster, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (RunningRunId() is { } runId) return runId;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the agent was not journaled running within {timeout}; muster said:\n{muster.Stderr}");
    }

    private string? RunningRunId()
    {
        if (!File.Exists(Path.Combine(State, RunJournal.FileName))) return null;
        try
        {
            using var reader = JournalReader.Open(State);
            var run = reader.ListRuns().LastOrDefault();
            if (run is null) return null;
            return reader.LoadAgents(run.RunId).Any(a => a.State == AgentState.Running) ? run.RunId : null;
        }
        catch (Exception e) when (e is SqliteException or JournalException)
        {
            return null; // the schema is being created
        }
    }
}
