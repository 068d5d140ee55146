using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Engine;

public class ExitCriteriaTests
{
    private static EngineHarness Harness() => new EngineHarness()
        .Kind("ok", (_, _) => Task.FromResult(AgentResult.Empty()))
        .Kind("fail", (_, _) => throw new InvalidOperationException("broken"))
        .Kind("critical", (_, _) => Task.FromResult(new AgentResult { Findings = [EngineHarness.Finding("KEY", Severity.Critical)] }));

    [Fact]
    public async Task A_failed_criterion_stops_the_run_and_later_agents_are_skipped_with_the_reason()
    {
        var outcome = await Harness().RunAsync("""
            name: p
            waves:
              - name: security
                agents: [{id: secrets, kind: critical}]
                exit:
                  - max-findings: {severity: CRITICAL, count: 0}
              - name: analysis
                agents: [{id: later, kind: ok}]
            """);

        Assert.Equal(RunStatus.Stopped, outcome.Status);
        Assert.Equal(WaveStatus.Failed, outcome.Waves[0].Status);
        var criterion = Assert.Single(outcome.Waves[0].Criteria);
        Assert.False(criterion.Passed);
        Assert.Equal("1 CRITICAL finding(s), at most 0 allowed", criterion.Reason);
        Assert.Equal("wave 'security' exit criterion 'max-findings: {severity: CRITICAL, count: 0}' failed: 1 CRITICAL finding(s), at most 0 allowed", outcome.StopReason);
        var later = outcome.Agents.Single(a => a.AgentId == "later");
        Assert.Equal(AgentState.Skipped, later.State);
        Assert.StartsWith("not started: wave 'security'", later.Error, StringComparison.Ordinal);
        Assert.Equal(WaveStatus.Skipped, outcome.Waves[1].Status);
    }

    [Fact]
    public async Task On_fail_continue_reports_the_failure_and_runs_the_next_wave()
    {
        var outcome = await Harness().RunAsync("""
            name: p
            waves:
              - name: one
                agents: [{id: a, kind: ok}, {id: b, kind: fail}]
                exit: [all-succeeded]
                on-fail: continue
              - name: two
                agents: [{id: c, kind: ok}]
            """);

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal("not succeeded: b (failed)", outcome.Waves[0].Criteria.Single().Reason);
        Assert.Equal(AgentState.Succeeded, outcome.Agents.Single(a => a.AgentId == "c").State);
    }

    [Theory]
    [InlineData("0.5", true, "1/2 succeeded (50 %), needed 50 %")]
    [InlineData("0.9", false, "1/2 succeeded (50 %), needed 90 %")]
    [InlineData("90%", false, "1/2 succeeded (50 %), needed 90 %")]
    public async Task Min_success_rate_compares_the_wave_rate(string rate, bool passed, string reason)
    {
        var outcome = await Harness().RunAsync($"""
            name: p
            waves:
              - name: one
                agents: [{"{"}id: a, kind: ok{"}"}, {"{"}id: b, kind: fail{"}"}]
                exit: [{"{"}min-success-rate: {rate}{"}"}]
            """);

        var criterion = outcome.Waves[0].Criteria.Single();
        Assert.Equal((passed, reason), (criterion.Passed, criterion.Reason));
    }

    [Fact]
    public async Task Agents_done_names_agents_that_must_have_succeeded_in_this_or_earlier_waves()
    {
        var outcome = await Harness().RunAsync("""
            name: p
            waves:
              - name: one
                agents: [{id: a, kind: ok}, {id: b, kind: fail}]
                on-fail: continue
              - name: two
                agents: [{id: c, kind: ok}]
                exit:
                  - agents-done: [a, c]
                  - agents-done: [b]
            """);

        var criteria = outcome.Waves[1].Criteria;
        Assert.True(criteria[0].Passed);
        Assert.False(criteria[1].Passed);
        Assert.Equal("not done: b (failed)", criteria[1].Reason);
        Assert.Equal(RunStatus.Stopped, outcome.Status);
    }
}
