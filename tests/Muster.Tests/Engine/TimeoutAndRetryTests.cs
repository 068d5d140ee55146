using Muster.Agents;
using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Engine;

/// <summary>
/// Soft timeout, hard timeout, cancellation grace and retry backoff on a <see cref="SteppedClock"/>: each step moves
/// the engine's clock past the delay the supervisor is parked on, so every figure below is exact and nothing sleeps.
/// </summary>
public class TimeoutAndRetryTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private readonly SteppedClock _clock = new();

    [Fact]
    public async Task Soft_timeout_marks_the_agent_overdue_but_it_keeps_running_is_re_checked_and_succeeds()
    {
        var release = new TaskCompletionSource<AgentResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness { Time = _clock }.Kind("slow", (_, ct) => release.Task.WaitAsync(ct));

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: research, kind: slow, timeout: {soft: 100ms, hard: 10s}}]\n");
        await _clock.AdvanceArmedAsync(100 * Ms); // the soft timeout
        await _clock.AdvanceArmedAsync(100 * Ms); // the harness re-checks an overdue agent every 100 ms
        await _clock.AdvanceArmedAsync(100 * Ms);
        await _clock.WaitForArmedAsync(100 * Ms);
        release.SetResult(AgentResult.Empty("done late"));
        var outcome = await run;

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Succeeded, true, "done late", 1), (agent.State, agent.WentOverdue, agent.Result.Summary, agent.Attempts));
        Assert.Equal(new (string, AgentState, string?)[]
        {
            ("research", AgentState.Running, null),
            ("research", AgentState.Overdue, "soft timeout 100ms passed; still running, not failed; hard timeout at 10s"),
            ("research", AgentState.Overdue, "re-checked after 200ms: still running"),
            ("research", AgentState.Overdue, "re-checked after 300ms: still running"),
        }, harness.Observer.Transitions);
        Assert.Equal(TimeSpan.FromMilliseconds(300), agent.Duration);
    }

    [Fact]
    public async Task Hard_timeout_cancels_a_cooperative_agent_and_it_ends_timed_out()
    {
        var cancelled = false;
        var harness = new EngineHarness { Time = _clock }.Kind("hang", async (_, ct) =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { cancelled = true; throw; }
            return AgentResult.Empty();
        });

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: h, kind: hang, timeout: {soft: 50ms, hard: 200ms}}]\n");
        await _clock.AdvanceArmedAsync(50 * Ms);  // soft timeout: overdue
        await _clock.AdvanceArmedAsync(100 * Ms); // re-check at 150 ms
        await _clock.WaitForArmedAsync(50 * Ms);  // the last wait ends at the hard timeout, not at the next re-check
        Assert.False(cancelled);
        _clock.Advance(50 * Ms);
        var outcome = await run; // the grace delay is never advanced: a cooperative agent needs none of it

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.TimedOut, true, true), (agent.State, agent.WentOverdue, cancelled));
        Assert.Equal("hard timeout 200ms reached on attempt 1; cancelled", agent.Error);
        Assert.Equal(TimeSpan.FromMilliseconds(200), agent.Duration);
    }

    [Fact]
    public async Task An_agent_that_ignores_cancellation_is_abandoned_after_the_grace_period()
    {
        var ignoresCancellation = new TaskCompletionSource<AgentResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness { Time = _clock, CancellationGrace = 300 * Ms }.Kind("stubborn", (_, _) => ignoresCancellation.Task);

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: s, kind: stubborn, timeout: {soft: 50ms, hard: 150ms}}]\n");
        await _clock.AdvanceArmedAsync(50 * Ms);
        await _clock.AdvanceArmedAsync(100 * Ms); // hard timeout: cancelled, the grace period starts
        await _clock.WaitForArmedAsync(300 * Ms);
        Assert.False(run.IsCompleted);
        _clock.Advance(300 * Ms);
        var outcome = await run;
        ignoresCancellation.SetResult(AgentResult.Empty());

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal(AgentState.TimedOut, agent.State);
        Assert.Equal("hard timeout 150ms reached on attempt 1; did not stop when cancelled and was abandoned", agent.Error);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_doubling_backoff_until_success()
    {
        var calls = 0;
        var harness = new EngineHarness { Time = _clock }.Kind("flaky", (ctx, _) =>
        {
            Interlocked.Increment(ref calls);
            return ctx.Attempt < 3 ? throw new TransientAgentException("connection refused") : Task.FromResult(AgentResult.Empty("third time"));
        });

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: f, kind: flaky, retries: 2, retry-backoff: 10ms}]\n");
        await _clock.WaitForArmedAsync(10 * Ms);
        Assert.Equal(1, Volatile.Read(ref calls));
        _clock.Advance(10 * Ms);
        await _clock.WaitForArmedAsync(20 * Ms);
        Assert.Equal(2, Volatile.Read(ref calls));
        _clock.Advance(20 * Ms);
        var outcome = await run;

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Succeeded, 3, 3), (agent.State, agent.Attempts, calls));
        Assert.Equal(
            new[] { "transient: TransientAgentException: connection refused; retrying in 10ms", "transient: TransientAgentException: connection refused; retrying in 20ms" },
            harness.Observer.Transitions.Where(t => t.State == AgentState.Failed).Select(t => t.Note));
        Assert.Equal(TimeSpan.FromMilliseconds(30), agent.Duration);
    }

    [Fact]
    public async Task Retries_run_out_and_the_agent_fails()
    {
        var harness = new EngineHarness { Time = _clock }.Kind("down", (_, _) => throw new TransientAgentException("503 from probe"));

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: d, kind: down, retries: 1, retry-backoff: 10ms}]\n");
        await _clock.AdvanceArmedAsync(10 * Ms);
        var outcome = await run;

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Failed, 2), (agent.State, agent.Attempts));
        Assert.Equal("TransientAgentException: 503 from probe", agent.Error);
    }

    [Fact]
    public async Task Non_transient_failures_are_not_retried()
    {
        var calls = 0;
        var harness = new EngineHarness { Time = _clock }.Kind("bug", (_, _) => { Interlocked.Increment(ref calls); throw new NullReferenceException("oops"); });

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: b, kind: bug, retries: 3, retry-backoff: 10ms}]\n");

        Assert.Equal((AgentState.Failed, 1), (outcome.Agents.Single().State, calls));
    }

    [Fact]
    public async Task Interrupting_a_run_cancels_running_agents_and_leaves_unstarted_ones_pending()
    {
        using var interrupt = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var harness = new EngineHarness { Time = _clock }.Kind("wait", async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return AgentResult.Empty();
        });

        var run = harness.RunAsync("""
            name: p
            waves:
              - name: one
                agents: [{id: a, kind: wait}, {id: b, kind: wait}]
              - name: two
                agents: [{id: c, kind: wait}]
            """, maxParallel: 1, cancellationToken: interrupt.Token);
        await started.Task;
        await interrupt.CancelAsync();
        var outcome = await run;

        Assert.Equal(RunStatus.Interrupted, outcome.Status);
        Assert.Equal((AgentState.Cancelled, "run interrupted"), (outcome.Agents.Single(a => a.AgentId == "a").State, outcome.Agents.Single(a => a.AgentId == "a").Error));
        Assert.Equal(AgentState.Pending, outcome.Agents.Single(a => a.AgentId == "b").State);
        Assert.Equal(AgentState.Pending, outcome.Agents.Single(a => a.AgentId == "c").State);
        Assert.Equal(WaveStatus.Interrupted, outcome.Waves[0].Status);
    }

    [Fact]
    public async Task Interrupting_a_run_abandons_an_agent_that_ignores_it_once_the_grace_period_is_over()
    {
        using var interrupt = new CancellationTokenSource();
        var ignoresCancellation = new TaskCompletionSource<AgentResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource();
        var harness = new EngineHarness { Time = _clock, CancellationGrace = 300 * Ms }.Kind("stubborn", (_, _) =>
        {
            started.TrySetResult();
            return ignoresCancellation.Task;
        });

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: s, kind: stubborn}]\n", cancellationToken: interrupt.Token);
        await started.Task;
        await interrupt.CancelAsync();
        await _clock.WaitForArmedAsync(300 * Ms);
        Assert.False(run.IsCompleted);
        _clock.Advance(300 * Ms);
        var outcome = await run;
        ignoresCancellation.SetResult(AgentResult.Empty());

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Cancelled, "run interrupted; agent abandoned after the grace period"), (agent.State, agent.Error));
    }

    [Fact]
    public async Task Interrupting_a_run_while_an_agent_waits_to_retry_cancels_it_without_another_attempt()
    {
        using var interrupt = new CancellationTokenSource();
        var calls = 0;
        var harness = new EngineHarness { Time = _clock }.Kind("flaky", (_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new TransientAgentException("connection refused");
        });

        var run = harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: f, kind: flaky, retries: 3, retry-backoff: 1m}]\n",
            cancellationToken: interrupt.Token);
        await _clock.WaitForArmedAsync(TimeSpan.FromMinutes(1));
        await interrupt.CancelAsync();
        var outcome = await run;

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Cancelled, 1, "cancelled while waiting to retry", 1), (agent.State, agent.Attempts, agent.Error, calls));
    }
}
