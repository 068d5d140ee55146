using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

public class MarkdownCostSectionTests
{
    private static AgentOutcome Agent(string id, int wave, Dictionary<string, double>? metrics = null) => new()
    {
        AgentId = id,
        Kind = metrics is null ? "secrets" : "llm",
        Role = AgentRole.Analysis,
        WaveIndex = wave,
        State = AgentState.Succeeded,
        Attempts = 1,
        Result = new AgentResult { Metrics = metrics ?? [] },
    };

    private static RunOutcome Run(params AgentOutcome[] agents) => new()
    {
        RunId = "r1",
        PlanName = "p",
        Root = "/ws",
        Status = RunStatus.Completed,
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
        Waves =
        [
            new WaveOutcome { Index = 0, Name = "scan", Status = WaveStatus.Passed },
            new WaveOutcome { Index = 1, Name = "analysis", Status = WaveStatus.Passed },
        ],
        Agents = agents,
    };

    [Fact]
    public async Task Cost_per_wave_per_run_and_tiers_with_a_monthly_projection()
    {
        var run = Run(
            Agent("secrets", 0),
            Agent("a1", 1, new() { ["tokens_in"] = 1000, ["tokens_out"] = 200, ["cost_usd"] = 0.25 }),
            Agent("a2", 1, new() { ["tokens_in"] = 3000, ["tokens_out"] = 800, ["cost_usd"] = 0.5 }));

        var md = await ReportWriter.RenderAsync(run, ReportFormat.Markdown);

        Assert.Contains("## Cost", md, StringComparison.Ordinal);
        Assert.Contains("| scan | 0 | 0 | 0 | $0.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| analysis | 2 | 4,000 | 1,000 | $0.75 |", md, StringComparison.Ordinal);
        Assert.Contains("| Minimal: built-in scanners and command agents, no model | 1 | $0.00 | $0.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| As run: plus the model agents of this plan | 3 | $0.75 | $22.50 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_without_a_price_are_not_measured_rather_than_free()
    {
        var run = Run(Agent("a1", 1, new() { ["tokens_in"] = 1000, ["tokens_out"] = 200 }));

        var md = await ReportWriter.RenderAsync(run, ReportFormat.Markdown);

        Assert.Contains("≥ $0.00 (not all measured)", md, StringComparison.Ordinal);
        Assert.Contains("| not measured |", md, StringComparison.Ordinal);
        Assert.Contains("their cost is not measured, not zero", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_without_model_agents_have_no_cost_section()
    {
        var md = await ReportWriter.RenderAsync(Run(Agent("secrets", 0)), ReportFormat.Markdown);

        Assert.DoesNotContain("## Cost", md, StringComparison.Ordinal);
    }
}
