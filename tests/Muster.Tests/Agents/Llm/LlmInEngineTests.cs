using Muster.Agents.Llm;
using Muster.Engine;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.Agents.Llm;

/// <summary>The LLM agent under the real scheduler: timeouts and the run budget, against the loopback model server.</summary>
public class LlmInEngineTests
{
    [Fact]
    public async Task A_hung_model_server_makes_the_agent_overdue_then_timed_out()
    {
        await using var server = FakeOpenAiServer.Start(new HangTurn());
        var clock = new SteppedClock();
        var harness = new EngineHarness { Time = clock };
        harness.Registry.Add(LlmAgent.Descriptor);

        var run = harness.RunAsync($$$"""
            name: p
            waves:
              - name: analysis
                agents:
                  - id: analyst
                    kind: llm
                    with: {base-url: "{{{server.BaseUrl}}}", model: test-model, instructions: "Check the docs.", pricing: {input: 1, output: 2}}
                    timeout: {soft: 300ms, hard: 1500ms}
            """);
        for (var polls = 0; server.Requests.Count == 0 && !run.IsCompleted && polls < 30_000; polls++) await Task.Delay(1);
        Assert.Single(server.Requests); // the model server holds the request: the agent hangs on it
        await clock.AdvanceArmedAsync(TimeSpan.FromMilliseconds(300)); // soft timeout
        for (var recheck = 0; recheck < 12; recheck++) await clock.AdvanceArmedAsync(TimeSpan.FromMilliseconds(100)); // to the hard timeout
        var outcome = await run;

        var agent = Assert.Single(outcome.Agents);
        Assert.Equal(AgentState.TimedOut, agent.State);
        Assert.True(agent.WentOverdue);
        var states = harness.Observer.StatesOf("analyst");
        Assert.Equal([AgentState.Running, AgentState.Overdue], states.Distinct().Take(2));
        Assert.Contains("hard timeout 1.5s", agent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_budget_stops_later_llm_agents_which_end_skipped()
    {
        await using var server = FakeOpenAiServer.Start(
            LlmTestKit.Final("Nothing to report.") with { PromptTokens = 2_000_000, CompletionTokens = 1_000_000 },
            LlmTestKit.Final("Nothing to report."));
        var harness = new EngineHarness();
        harness.Registry.Add(LlmAgent.Descriptor);
        var settings = $$$"""{base-url: "{{{server.BaseUrl}}}", model: test-model, instructions: "Check.", pricing: {input: 1, output: 2}}""";

        var outcome = await harness.RunAsync($"""
            name: p
            budget: {"{"}usd: 3{"}"}
            waves:
              - name: first
                agents: [{"{"}id: spender, kind: llm, with: {settings}{"}"}]
              - name: second
                agents: [{"{"}id: late, kind: llm, with: {settings}{"}"}]
            """);

        var spender = outcome.Agents.Single(a => a.AgentId == "spender");
        Assert.Equal(AgentState.Succeeded, spender.State);
        Assert.Equal(4.0, spender.Result.Metrics["cost_usd"], precision: 6);
        var late = outcome.Agents.Single(a => a.AgentId == "late");
        Assert.Equal(AgentState.Skipped, late.State);
        Assert.Contains("budget", late.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.RemainingTurns);
    }
}
