using System.Collections.Concurrent;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Model;

namespace Muster.Tests.Engine;

/// <summary>Every agent outcome says where it ran: in-process the coordinator's host name, else what the executor reports.</summary>
public sealed class AgentHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-host-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string TwoAgents = """
        name: p
        waves:
          - name: w
            agents: [{id: good, kind: ok}, {id: bad, kind: boom}]
        """;

    [Fact]
    public async Task An_in_process_run_records_the_configured_host_for_succeeded_and_failed_agents_in_the_journal()
    {
        var harness = new EngineHarness()
            .Kind("ok", (_, _) => Task.FromResult(new AgentResult { Findings = [EngineHarness.Finding("R1", Severity.Low)] }))
            .Kind("boom", (_, _) => throw new InvalidOperationException("broken"));
        var host = new RunHost(harness.Registry, new EngineOptions { HostName = "coordinator-7" }, NoSecretScrubber.Instance);

        var outcome = await host.StartAsync(harness.Plan(TwoAgents), _dir, _dir, new Dictionary<string, string>(), [], CancellationToken.None, "r");

        Assert.Equal([("bad", AgentState.Failed, "coordinator-7"), ("good", AgentState.Succeeded, "coordinator-7")],
            outcome.Agents.OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => (a.AgentId, a.State, a.Result.Host)));
        using var reader = JournalReader.Open(_dir);
        Assert.All(reader.LoadAgents("r"), a => Assert.Equal("coordinator-7", a.Result.Host));
    }

    [Fact]
    public async Task The_host_is_in_the_journal_while_the_agent_still_runs()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var harness = new EngineHarness().Kind("wait", async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return AgentResult.Empty();
        });
        var host = new RunHost(harness.Registry, new EngineOptions { HostName = "live-host" }, NoSecretScrubber.Instance);
        var plan = harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: slow, kind: wait}]\n");

        var run = host.StartAsync(plan, _dir, _dir, new Dictionary<string, string>(), [], CancellationToken.None, "live");
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            string? seen = null;
            // The placement is committed by the journal's background writer: wait (bounded) until a reader sees it.
            for (var i = 0; i < 300 && seen is null; i++)
            {
                using (var reader = JournalReader.Open(_dir))
                {
                    seen = reader.LoadAgents("live").SingleOrDefault()?.Result.Host;
                }
                if (seen is null) await Task.Delay(20);
            }
            Assert.Equal("live-host", seen);
        }
        finally
        {
            release.TrySetResult();
            await run;
        }
    }

    [Fact]
    public async Task Each_attempt_reports_its_own_host_and_a_failed_attempt_keeps_the_host_it_failed_on()
    {
        var harness = new EngineHarness().Kind("ok", (_, _) => Task.FromResult(AgentResult.Empty()));
        var executor = new PlacingExecutor();
        var observer = new PlacementObserver();
        var plan = harness.Plan("""
            name: p
            waves:
              - name: w
                agents: [{id: flaky, kind: ok, retries: 1, retry-backoff: 1ms}, {id: lost, kind: ok}]
            """);

        var outcome = await new WaveScheduler(executor, observer, new EngineOptions())
            .RunAsync(plan, new RunRequest { RunId = "r", Root = _dir }, CancellationToken.None);

        var flaky = outcome.Agents.Single(a => a.AgentId == "flaky");
        Assert.Equal((AgentState.Succeeded, 2, "worker-2"), (flaky.State, flaky.Attempts, flaky.Result.Host));
        var lost = outcome.Agents.Single(a => a.AgentId == "lost");
        Assert.Equal((AgentState.Failed, "worker-1"), (lost.State, lost.Result.Host));
        Assert.Equal([("flaky", 1, "worker-1"), ("flaky", 2, "worker-2"), ("lost", 1, "worker-1")],
            observer.Placements.OrderBy(p => p.Agent, StringComparer.Ordinal).ThenBy(p => p.Attempt));
    }

    [Fact]
    public async Task An_attempt_the_executor_places_again_elsewhere_counts_as_one_more_attempt()
    {
        var harness = new EngineHarness().Kind("ok", (_, _) => Task.FromResult(AgentResult.Empty()));
        var observer = new PlacementObserver();
        var plan = harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: moved, kind: ok}, {id: stayed, kind: ok}]\n");

        var outcome = await new WaveScheduler(new ReplacingExecutor(), observer, new EngineOptions())
            .RunAsync(plan, new RunRequest { RunId = "r", Root = _dir }, CancellationToken.None);

        var moved = outcome.Agents.Single(a => a.AgentId == "moved");
        Assert.Equal((AgentState.Succeeded, 2, "worker-b"), (moved.State, moved.Attempts, moved.Result.Host));
        Assert.Equal(1, outcome.Agents.Single(a => a.AgentId == "stayed").Attempts);
        Assert.Equal([("moved", 1, "worker-a"), ("moved", 2, "worker-b"), ("stayed", 1, "worker-a")],
            observer.Placements.OrderBy(p => p.Agent, StringComparer.Ordinal).ThenBy(p => p.Attempt));
    }

    /// <summary>Places "moved" on worker-a, then (its worker lost) again on worker-b, within one attempt.</summary>
    private sealed class ReplacingExecutor : IAgentExecutor
    {
        public Task<AgentResult> ExecuteAsync(AgentInvocation invocation, CancellationToken cancellationToken)
        {
            invocation.ReportHost("worker-a");
            if (invocation.Spec.Id != "moved") return Task.FromResult(new AgentResult { Host = "worker-a" });
            invocation.ReportHost("worker-b");
            return Task.FromResult(new AgentResult { Host = "worker-b" });
        }
    }

    /// <summary>Attempt N runs on worker-N; the first attempt of every agent fails after it was placed.</summary>
    private sealed class PlacingExecutor : IAgentExecutor
    {
        public Task<AgentResult> ExecuteAsync(AgentInvocation invocation, CancellationToken cancellationToken)
        {
            var worker = $"worker-{invocation.Attempt}";
            invocation.ReportHost(worker);
            return invocation.Attempt == 1
                ? Task.FromException<AgentResult>(invocation.Spec.Id == "flaky" ? new TransientAgentException("try again") : new InvalidOperationException("gone"))
                : Task.FromResult(new AgentResult { Host = worker });
        }
    }

    private sealed class PlacementObserver : IRunObserver
    {
        public ConcurrentBag<(string Agent, int Attempt, string Host)> Placements { get; } = [];

        public void AgentPlaced(string agentId, int attempt, string host) => Placements.Add((agentId, attempt, host));
    }
}
