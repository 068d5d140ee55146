using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.Cluster;

/// <summary>Workers killed mid-attempt (a fresh in-process cluster per test: kills change it).</summary>
public sealed class WorkerLossTests : IAsyncLifetime
{
    private readonly TestWorkers _workers = new();

    public Task InitializeAsync() => _workers.InitializeAsync();

    public Task DisposeAsync() => _workers.DisposeAsync();

    [Fact]
    public async Task An_agent_whose_worker_dies_runs_again_on_another_matching_worker_journaled_as_worker_lost()
    {
        var observer = new RecordingObserver();
        var run = _workers.RunAsync("""
            name: loss
            waves:
              - name: w
                agents:
                  - {id: slow, kind: sleep, on: {host: a}, with: {duration: 4s}}
            """, observer);
        string? victim = null;
        await Poll.UntilAsync(() => (victim = new[] { "Silo_1", "Silo_2" }.FirstOrDefault(s => _workers.Runtime(s).Running == 1)) is not null,
            TimeSpan.FromSeconds(15), "the agent running on a host=a worker");
        var survivor = victim == "Silo_1" ? "Silo_2" : "Silo_1";
        await _workers.Cluster.KillSiloAsync(_workers.Silo(victim!));

        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));
        var slow = outcome.Agents.Single();
        Assert.Equal(AgentState.Succeeded, slow.State);
        Assert.Equal("a", slow.Result.Host);
        var lost = Assert.Single(observer.Transitions, t => t.Note?.StartsWith("worker-lost: ", StringComparison.Ordinal) == true);
        Assert.Contains($"worker {victim} (host a) lost", lost.Note);
        Assert.Contains("running again on worker ", lost.Note);
        Assert.Equal(AgentState.Running, lost.State);
        Assert.Equal(0, _workers.Runtime(survivor).Running);
    }

    [Fact]
    public async Task An_agent_whose_only_matching_worker_dies_fails_with_worker_lost_and_the_wave_goes_on()
    {
        var observer = new RecordingObserver();
        var run = _workers.RunAsync("""
            name: loss
            waves:
              - name: w
                agents:
                  - {id: on-b, kind: sleep, on: {host: b}, with: {duration: 30s}}
                  - {id: on-a, kind: sleep, on: {host: a}, with: {duration: 3s}}
            """, observer);
        await Poll.UntilAsync(() => _workers.Runtime("Silo_3").Running == 1, TimeSpan.FromSeconds(15), "the agent running on host b");
        await _workers.Cluster.KillSiloAsync(_workers.Silo("Silo_3"));

        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));
        var onB = outcome.Agents.Single(a => a.AgentId == "on-b");
        Assert.Equal(AgentState.Failed, onB.State);
        Assert.Contains("worker lost: worker Silo_3 (host b) lost: ", onB.Error);
        Assert.EndsWith("no other worker offers host=b", onB.Error);
        Assert.DoesNotContain(observer.Transitions, t => t.Note?.Contains("running again", StringComparison.Ordinal) == true);
        Assert.Equal("b", onB.Result.Host);
        Assert.Equal(AgentState.Succeeded, outcome.Agents.Single(a => a.AgentId == "on-a").State);
    }

    [Fact]
    public async Task A_stopping_worker_finishes_its_running_agent_and_its_new_work_goes_to_another_worker()
    {
        var run = _workers.RunAsync("""
            name: drain
            waves:
              - name: w
                agents:
                  - {id: slow, kind: sleep, on: {host: a}, with: {duration: 3s}}
            """);
        string? stopping = null;
        await Poll.UntilAsync(() => (stopping = new[] { "Silo_1", "Silo_2" }.FirstOrDefault(s => _workers.Runtime(s).Running == 1)) is not null,
            TimeSpan.FromSeconds(15), "the agent running on a host=a worker");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var drained = _workers.Runtime(stopping!).DrainAsync(bound.Token);

        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));
        await drained.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(AgentState.Succeeded, outcome.Agents.Single().State);
        Assert.False(bound.IsCancellationRequested, "drained before its bound");

        var noop = new PlanParser(_workers.Registry).Parse("name: p\nwaves:\n  - name: w\n    agents:\n      - {id: n, kind: noop}\n", "p.yaml").AllAgents.Single();
        var refusal = await _workers.Directory.Worker(stopping!).StartAsync(_workers.Attempt(noop, "after-drain", "drain"));
        Assert.True(refusal?.TryAnother, "a stopping worker hands new work to others");

        // Placed on host=a again, the agents run, the stopping worker (still listed) sends them on to the other one.
        var again = await _workers.RunAsync("""
            name: after
            waves:
              - name: w
                agents:
                  - {id: n1, kind: noop, on: {host: a}}
                  - {id: n2, kind: noop, on: {host: a}}
                  - {id: n3, kind: noop, on: {host: a}}
            """);
        Assert.All(again.Agents, a => Assert.Equal(AgentState.Succeeded, a.State));
        Assert.Equal(0, _workers.Runtime(stopping!).Running);
    }
}
