using Muster.Agents;
using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Engine;

public class TimeoutAndRetryTests
{
    [Fact]
    public async Task Soft_timeout_marks_the_agent_overdue_but_it_keeps_running_and_succeeds()
    {
        var harness = new EngineHarness().Kind("slow", async (_, ct) =>
        {
            await Task.Delay(700, ct);
            return AgentResult.Empty("done late");
        });

        var outcome = await harness.RunAsync("""
            name: p
            waves:
              - name: w
                agents: [{id: research, kind: slow, timeout: {soft: 100ms, hard: 10s}}]
            """);

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal(AgentState.Succeeded, agent.State);
        Assert.True(agent.WentOverdue);
        Assert.Equal("done late", agent.Result.Summary);
        var states = harness.Observer.StatesOf("research");
        Assert.Equal(AgentState.Running, states[0]);
        Assert.Contains(AgentState.Overdue, states);
        Assert.DoesNotContain(AgentState.Failed, states);
        // Re-checked while overdue: more than one overdue record, each saying it is still running.
        Assert.True(harness.Observer.Transitions.Count(t => t.State == AgentState.Overdue) >= 2);
        Assert.Contains(harness.Observer.Transitions, t => t.Note?.Contains("still running", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Hard_timeout_cancels_a_cooperative_agent_and_it_ends_timed_out()
    {
        var cancelled = false;
        var harness = new EngineHarness().Kind("hang", async (_, ct) =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { cancelled = true; throw; }
            return AgentResult.Empty();
        });

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: h, kind: hang, timeout: {soft: 50ms, hard: 200ms}}]\n");

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal(AgentState.TimedOut, agent.State);
        Assert.True(agent.WentOverdue);
        Assert.True(cancelled);
        Assert.Contains("hard timeout 200ms", agent.Error, StringComparison.Ordinal);
        Assert.Contains("cancelled", agent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_that_ignores_cancellation_is_abandoned_after_the_grace_period()
    {
        using var release = new ManualResetEventSlim();
        var harness = new EngineHarness().Kind("stubborn", (_, _) =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return Task.FromResult(AgentResult.Empty());
        });
        harness.CancellationGrace = TimeSpan.FromMilliseconds(300);

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: s, kind: stubborn, timeout: {soft: 50ms, hard: 150ms}}]\n");
        release.Set();

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal(AgentState.TimedOut, agent.State);
        Assert.Contains("abandoned", agent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_until_success()
    {
        var calls = 0;
        var harness = new EngineHarness().Kind("flaky", (ctx, _) =>
        {
            Interlocked.Increment(ref calls);
            return ctx.Attempt < 3 ? throw new TransientAgentException("connection refused") : Task.FromResult(AgentResult.Empty("third time"));
        });

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: f, kind: flaky, retries: 2, retry-backoff: 10ms}]\n");

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Succeeded, 3, 3), (agent.State, agent.Attempts, calls));
        Assert.Equal(2, harness.Observer.Transitions.Count(t => t.State == AgentState.Failed && t.Note!.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_run_out_and_the_agent_fails()
    {
        var harness = new EngineHarness().Kind("down", (_, _) => throw new TransientAgentException("503 from probe"));

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: d, kind: down, retries: 1, retry-backoff: 10ms}]\n");

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Failed, 2), (agent.State, agent.Attempts));
        Assert.Equal("TransientAgentException: 503 from probe", agent.Error);
    }

    [Fact]
    public async Task Non_transient_failures_are_not_retried()
    {
        var calls = 0;
        var harness = new EngineHarness().Kind("bug", (_, _) => { Interlocked.Increment(ref calls); throw new NullReferenceException("oops"); });

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: b, kind: bug, retries: 3, retry-backoff: 10ms}]\n");

        Assert.Equal((AgentState.Failed, 1), (outcome.Agents.Single().State, calls));
    }

    [Fact]
    public async Task Interrupting_a_run_cancels_running_agents_and_leaves_unstarted_ones_pending()
    {
        using var interrupt = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var harness = new EngineHarness().Kind("wait", async (_, ct) =>
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
        Assert.Equal(AgentState.Cancelled, outcome.Agents.Single(a => a.AgentId == "a").State);
        Assert.Equal(AgentState.Pending, outcome.Agents.Single(a => a.AgentId == "b").State);
        Assert.Equal(AgentState.Pending, outcome.Agents.Single(a => a.AgentId == "c").State);
        Assert.Equal(WaveStatus.Interrupted, outcome.Waves[0].Status);
    }
}
