using System.Globalization;
using System.Text;
using Muster.Engine;
using static Muster.Reports.Markdown.MarkdownText;

namespace Muster.Reports.Markdown;

/// <summary>
/// Tokens and money per wave and per run, and a cost-tier summary in the seed's Part 4 shape: what a run costs with
/// no model, with the models as run, and what that comes to per month. Unpriced model use is shown as not measured.
/// </summary>
internal static class MarkdownCostSection
{
    private const int RunsPerMonthDaily = 30;

    public static void Write(StringBuilder md, RunFacts facts)
    {
        if (!facts.HasTokenMetrics) return;
        md.Append("## Cost\n\n");
        md.Append(Row("Wave", "Model agents", "Tokens In", "Tokens Out", "Cost (USD)")).Append('\n');
        md.Append(Row("---", "---:", "---:", "---:", "---:")).Append('\n');
        foreach (var wave in facts.Waves)
        {
            var agents = facts.Agents.Where(a => a.WaveIndex == wave.Index).ToList();
            var spend = Spend.Of(agents);
            md.Append(Row(Inline(wave.Name), Num(spend.ModelAgents), ReportText.Count(spend.TokensIn), ReportText.Count(spend.TokensOut), spend.CostText)).Append('\n');
        }
        var total = Spend.Of(facts.Agents);
        md.Append(Row("**Run**", $"**{Num(total.ModelAgents)}**", $"**{ReportText.Count(total.TokensIn)}**", $"**{ReportText.Count(total.TokensOut)}**", $"**{total.CostText}**")).Append("\n\n");

        md.Append("### Cost tiers\n\n");
        md.Append(Row("Tier", "Agents", "Per run", "Per month at one run a day")).Append('\n');
        md.Append(Row("---", "---:", "---:", "---:")).Append('\n');
        var free = facts.Agents.Count(a => !Spend.UsesModel(a));
        md.Append(Row("Minimal: built-in scanners and command agents, no model", Num(free), ReportText.Usd(0), ReportText.Usd(0))).Append('\n');
        md.Append(Row("As run: plus the model agents of this plan", Num(facts.Agents.Count), total.CostText,
            total.Unmeasured > 0 ? "not measured" : ReportText.Usd(total.Cost * RunsPerMonthDaily))).Append("\n\n");
        if (total.Unmeasured > 0)
        {
            md.Append($"{Num(total.Unmeasured)} model agent(s) reported tokens without a price: their cost is not measured, not zero.\n\n");
        }
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Spend(int ModelAgents, double TokensIn, double TokensOut, double Cost, int Unmeasured)
    {
        public string CostText => Unmeasured > 0 ? $"≥ {ReportText.Usd(Cost)} (not all measured)" : ReportText.Usd(Cost);

        public static bool UsesModel(AgentOutcome agent) =>
            agent.Result.Metrics.ContainsKey(RunFacts.TokensInMetric) || agent.Result.Metrics.ContainsKey(RunFacts.CostMetric);

        public static Spend Of(IEnumerable<AgentOutcome> agents)
        {
            var spend = new Spend();
            foreach (var agent in agents.Where(UsesModel))
            {
                var m = agent.Result.Metrics;
                var cost = m.GetValueOrDefault(RunFacts.CostMetric, double.NaN);
                spend = spend with
                {
                    ModelAgents = spend.ModelAgents + 1,
                    TokensIn = spend.TokensIn + m.GetValueOrDefault(RunFacts.TokensInMetric),
                    TokensOut = spend.TokensOut + m.GetValueOrDefault(RunFacts.TokensOutMetric),
                    Cost = spend.Cost + (double.IsNaN(cost) ? 0 : cost),
                    Unmeasured = spend.Unmeasured + (double.IsNaN(cost) ? 1 : 0),
                };
            }
            return spend;
        }
    }
}
