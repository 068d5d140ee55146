using Muster.Agents;
using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Engine;

public class SchedulingTests
{
    [Fact]
    public async Task Agents_of_a_wave_run_concurrently_but_never_more_than_max_parallel()
    {
        var running = 0;
        var peak = 0;
        var harness = new EngineHarness().Kind("io", async (_, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref running);
            return AgentResult.Empty();
        });
        var agents = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"      - {{id: a{i}, kind: io}}"));

        var outcome = await harness.RunAsync($"name: p\nwaves:\n  - name: w\n    agents:\n{agents}\n", maxParallel: 4);

        Assert.All(outcome.Agents, a => Assert.Equal(AgentState.Succeeded, a.State));
        Assert.Equal(4, peak);
    }

    [Fact]
    public async Task Waves_run_in_order_and_later_waves_see_earlier_outputs()
    {
        IReadOnlyList<PriorOutput>? seen = null;
        var harness = new EngineHarness()
            .Kind("scan", (_, _) => Task.FromResult(new AgentResult { Summary = "scanned", Findings = [EngineHarness.Finding("R1", Severity.High)] }))
            .Kind("verify", (ctx, _) => { seen = ctx.Upstream; return Task.FromResult(AgentResult.Empty()); });

        var outcome = await harness.RunAsync("""
            name: p
            waves:
              - name: one
                agents: [{id: s, kind: scan}]
              - name: two
                agents: [{id: v, kind: verify}]
            """);

        Assert.Equal(["one", "two"], harness.Observer.Waves);
        var prior = Assert.Single(seen!);
        Assert.Equal(("s", "scanned", "R1"), (prior.AgentId, prior.Summary, prior.Findings.Single().RuleId));
        Assert.Equal(RunStatus.Completed, outcome.Status);
    }

    [Fact]
    public async Task An_agent_that_throws_fails_with_its_exception_summary_and_the_others_continue()
    {
        var harness = new EngineHarness()
            .Kind("boom", (_, _) => throw new InvalidDataException("config.yaml is not YAML"))
            .Kind("ok", (_, _) => Task.FromResult(AgentResult.Empty("fine")));

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: bad, kind: boom}, {id: good, kind: ok}]\n");

        var bad = outcome.Agents.Single(a => a.AgentId == "bad");
        Assert.Equal(AgentState.Failed, bad.State);
        Assert.Equal("InvalidDataException: config.yaml is not YAML", bad.Error);
        Assert.Equal(1, bad.Attempts);
        Assert.Equal(AgentState.Succeeded, outcome.Agents.Single(a => a.AgentId == "good").State);
    }

    [Fact]
    public async Task An_agent_can_skip_itself()
    {
        var harness = new EngineHarness().Kind("broke", (_, _) => throw new AgentSkippedException("run budget of $5.00 spent"));

        var outcome = await harness.RunAsync("name: p\nwaves:\n  - name: w\n    agents: [{id: llm, kind: broke}]\n");

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal((AgentState.Skipped, "run budget of $5.00 spent"), (agent.State, agent.Error));
    }

    [Fact]
    public async Task Findings_get_the_agent_id_and_a_stable_fingerprint()
    {
        var harness = new EngineHarness().Kind("scan", (_, _) => Task.FromResult(new AgentResult { Findings = [EngineHarness.Finding("R1", Severity.Low)] }));
        const string Plan = "name: p\nwaves:\n  - name: w\n    agents: [{id: s, kind: scan}]\n";

        var first = (await harness.RunAsync(Plan)).Findings.Single();
        var second = (await harness.RunAsync(Plan)).Findings.Single();

        Assert.Equal("s", first.AgentId);
        Assert.NotEmpty(first.Fingerprint);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
