using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Engine;

/// <summary>
/// A finished agent's slot is free while its outcome is being recorded, but the wave ends only once every outcome is
/// held durably, and a failed recording stops the wave from starting more agents.
/// </summary>
public class OutcomeRecordingTests
{
    private sealed class SlowRecorder(Func<AgentOutcome, Task> record) : IRunObserver
    {
        public List<string> Events { get; } = [];

        public async ValueTask AgentFinishedAsync(AgentOutcome outcome)
        {
            await record(outcome);
            lock (Events) Events.Add("recorded " + outcome.AgentId);
        }

        public ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar)
        {
            lock (Events) Events.Add("wave " + wave.Name);
            return ValueTask.CompletedTask;
        }
    }

    private static WaveScheduler Scheduler(EngineHarness harness, IRunObserver observer) =>
        new(new InProcessAgentExecutor(harness.Registry, NoSecretScrubber.Instance, TimeProvider.System), observer, new EngineOptions { MaxParallel = 1 });

    private static Task<RunOutcome> RunAsync(EngineHarness harness, IRunObserver observer, string yaml) =>
        Scheduler(harness, observer).RunAsync(harness.Plan(yaml), new RunRequest { RunId = "r", Root = Path.GetTempPath() }, CancellationToken.None);

    [Fact]
    public async Task The_next_agent_starts_while_the_previous_outcome_is_recorded_and_the_wave_waits_for_every_record()
    {
        var firstRecord = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness()
            .Kind("first", (_, _) => Task.FromResult(AgentResult.Empty()))
            .Kind("second", (_, _) => { secondStarted.TrySetResult(); return Task.FromResult(AgentResult.Empty()); });
        var observer = new SlowRecorder(o => o.AgentId == "a" ? firstRecord.Task : Task.CompletedTask);

        var run = RunAsync(harness, observer, """
            name: p
            waves:
              - name: w
                agents: [{id: a, kind: first}, {id: b, kind: second}]
            """);

        // max-parallel 1: b can only start because a's slot was given back before a's record completed.
        await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(run.IsCompleted);
        firstRecord.SetResult();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(["recorded b", "recorded a", "wave w"], observer.Events);
    }

    [Fact]
    public async Task A_failed_record_stops_the_wave_starting_agents_and_the_run_fails_with_it()
    {
        var started = new List<string>();
        var harness = new EngineHarness().Kind("ok", (ctx, _) =>
        {
            lock (started) started.Add(ctx.AgentId);
            return Task.FromResult(AgentResult.Empty());
        });
        var observer = new SlowRecorder(o => o.AgentId == "a1"
            ? Task.FromException(new IOException("disk full"))
            : Task.CompletedTask);
        var agents = string.Join(", ", Enumerable.Range(1, 50).Select(i => $"{{id: a{i}, kind: ok}}"));

        var error = await Assert.ThrowsAsync<IOException>(() => RunAsync(harness, observer, $"name: p\nwaves:\n  - name: w\n    agents: [{agents}]\n"));

        Assert.Equal("disk full", error.Message);
        Assert.Contains("a1", started);
        Assert.True(started.Count < 50, $"all {started.Count} agents started after the first record failed");
        Assert.DoesNotContain("wave w", observer.Events);
    }
}
