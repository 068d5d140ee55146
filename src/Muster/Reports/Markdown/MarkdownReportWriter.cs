using System.Globalization;
using System.Text;
using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using static Muster.Reports.Markdown.MarkdownText;

namespace Muster.Reports.Markdown;

/// <summary>
/// report.md in the shape of the seed's retrospective: gates first, executive summary, gaps by severity, action items,
/// agent performance, infrastructure configured vs deployed, trend, waves, agents, files created, findings.
/// </summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Markdown;
    public string FileName => "report.md";
    public IReadOnlyList<string> Names { get; } = ["md", "markdown"];

    public async Task WriteAsync(RunOutcome outcome, ReportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var text = Render(outcome, options);
        await destination.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).ConfigureAwait(false);
    }

    public static string Render(RunOutcome outcome, ReportOptions options)
    {
        var facts = RunFacts.Of(outcome, options);
        var md = new StringBuilder();
        WriteTitle(md, facts);
        WriteGates(md, facts);
        WriteExecutiveSummary(md, facts);
        WriteGapAnalysis(md, facts);
        WriteActionItems(md, facts);
        WriteAgentPerformance(md, facts);
        MarkdownCostSection.Write(md, facts);
        WriteInfrastructure(md, facts);
        WriteTests(md, facts);
        WriteTrend(md, facts);
        WriteWaves(md, facts);
        WriteAgentStatus(md, facts);
        WriteAgentSummaries(md, facts);
        WriteFilesCreated(md, facts);
        WriteFindingsBySeverity(md, facts);
        WriteFindings(md, facts);
        MarkdownSuppressedSection.Write(md, options);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteTitle(StringBuilder md, RunFacts facts)
    {
        var run = facts.Outcome;
        md.Append("# Muster report: ").Append(Inline(run.PlanName)).Append('\n').Append('\n');
        md.Append("- **Run:** ").Append(Code(run.RunId)).Append('\n');
        md.Append("- **Root:** ").Append(Code(run.Root)).Append('\n');
        md.Append("- **Status:** ").Append(ReportText.RunStatus(run.Status)).Append('\n');
        md.Append("- **Started:** ").Append(ReportText.Timestamp(run.StartedAt)).Append('\n');
        md.Append("- **Finished:** ").Append(run.FinishedAt is null ? "not finished" : ReportText.Timestamp(run.FinishedAt)).Append('\n');
        md.Append('\n');
    }

    private static void WriteExecutiveSummary(StringBuilder md, RunFacts facts)
    {
        var total = facts.Total;
        md.Append("## Executive summary\n\n");
        md.Append(Row("Metric", "Value")).Append('\n');
        md.Append(Row("---", "---")).Append('\n');
        md.Append(Row("Agents", AgentCounts(facts))).Append('\n');
        md.Append(Row("Success rate", total.SuccessRate is null
            ? "n/a (no agent finished)"
            : $"{ReportText.Percent(total.SuccessRate)} ({total.Succeeded} of {total.Finished} finished agents)")).Append('\n');
        md.Append(Row("Findings", FindingCounts(facts))).Append('\n');
        if (facts.Options.Suppressed.Count > 0)
            md.Append(Row("Suppressed", $"{facts.Options.Suppressed.Count} (listed under Suppressed; not counted above)")).Append('\n');
        md.Append(Row("Gaps", GapCounts(facts.Gaps))).Append('\n');
        md.Append(Row("Quality gates", GateCounts(facts.Gates))).Append('\n');
        md.Append(Row("Duration", facts.Duration is null ? "not finished" : ReportText.Duration(facts.Duration))).Append('\n');
        var overdue = facts.Agents.Count(a => a.WentOverdue);
        if (overdue > 0)
        {
            md.Append(Row("Went overdue", $"{overdue} (passed the soft timeout; overdue is not failure)")).Append('\n');
        }
        var reused = facts.Agents.Count(a => a.Reused);
        if (reused > 0) md.Append(Row("Reused from journal", reused.ToString(CultureInfo.InvariantCulture))).Append('\n');
        if (facts.Outcome.StopReason is { Length: > 0 } reason) md.Append(Row("Stop reason", Inline(reason))).Append('\n');
        var unverified = facts.Unverified;
        if (unverified.Count > 0)
        {
            var ids = string.Join(", ", unverified.Select(a => Code(a.AgentId, inTable: true) + " (" + a.State.ToLabel() + ")"));
            md.Append(Row("Not verified", $"{unverified.Count} agent(s) did not succeed, their checks are unverified: {ids}")).Append('\n');
        }
        md.Append('\n');
    }

    private static string AgentCounts(RunFacts facts)
    {
        var parts = facts.AgentsByState.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key.ToLabel()}");
        return facts.Agents.Count == 0 ? "0" : $"{facts.Agents.Count} ({string.Join(", ", parts)})";
    }

    private static string FindingCounts(RunFacts facts)
    {
        var parts = facts.FindingsBySeverity.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key.ToLabel()}");
        return facts.FindingCount == 0 ? "0" : $"{facts.FindingCount} ({string.Join(", ", parts)})";
    }

    private static string GapCounts(GapRegister gaps)
    {
        var parts = gaps.BySeverity.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key.ToLabel()}");
        return gaps.Gaps.Count == 0 ? "0" : $"{gaps.Gaps.Count} ({string.Join(", ", parts)})";
    }

    private static string GateCounts(IReadOnlyList<GateResult> gates)
    {
        var parts = Enum.GetValues<GateStatus>()
            .Select(s => (Status: s, Count: gates.Count(g => g.Status == s)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Status.ToLabel()}");
        return string.Join(", ", parts);
    }

    private static void WriteGates(StringBuilder md, RunFacts facts)
    {
        md.Append("## Quality gates\n\n");
        md.Append(Row("Gate", "Requirement", "Result", "Why", "Evidence")).Append('\n');
        md.Append(Row("---", "---", "---", "---", "---")).Append('\n');
        foreach (var gate in facts.Gates)
        {
            var result = gate.Blocks || gate.Warns ? $"**{gate.Label}**" : gate.Label;
            md.Append(Row(Inline(gate.Name), Inline(gate.Requirement), result, Inline(gate.Summary),
                string.Join("<br>", gate.Evidence.Select(e => Inline(e))))).Append('\n');
        }
        md.Append("\nA gate that had no data is *not evaluated*, never passed. A gate in fail mode (the default) that failed or was not evaluated fails the run (exit code 1); WARN: in warn mode, shown but not failing the run.\n\n");
    }

    private static void WriteGapAnalysis(StringBuilder md, RunFacts facts)
    {
        var gaps = facts.Gaps;
        md.Append("## Gap analysis\n\n");
        md.Append(Row("Severity", "Count", "Examples")).Append('\n');
        md.Append(Row("---", "---:", "---")).Append('\n');
        foreach (var (severity, count) in gaps.BySeverity)
        {
            var examples = gaps.Gaps.Where(g => g.Severity == severity).Select(g => g.Title).Distinct(StringComparer.Ordinal).Take(3).Select(t => Inline(t));
            md.Append(Row(severity.ToLabel(), count.ToString(CultureInfo.InvariantCulture), string.Join(", ", examples))).Append('\n');
        }
        md.Append(Row("**Total**", "**" + gaps.Gaps.Count.ToString(CultureInfo.InvariantCulture) + "**", "—")).Append('\n');
        md.Append('\n');
        if (gaps.Gaps.Count == 0)
        {
            md.Append(facts.Unverified.Count == 0 ? "No gaps.\n\n" : "No gaps found by the agents that succeeded; the others' checks are unverified.\n\n");
            return;
        }
        md.Append("### Gap register\n\n");
        md.Append(Row("Gap", "Severity", "Title", "Category", "Owner", "Locations")).Append('\n');
        md.Append(Row("---", "---", "---", "---", "---", "---")).Append('\n');
        foreach (var gap in facts.ShownGaps)
        {
            md.Append(Row(Code(gap.Id, inTable: true), gap.Severity.ToLabel(), Inline(gap.Title), Inline(gap.Category),
                Inline(gap.Owner), Locations(gap))).Append('\n');
        }
        md.Append('\n');
    }

    private static string Locations(Gap gap)
    {
        if (gap.Locations.Count == 0) return "none given";
        const int shown = 5;
        var list = string.Join("<br>", gap.Locations.Take(shown).Select(l => Code(l.ToString(), inTable: true)));
        return gap.Locations.Count > shown ? $"{list}<br>and {gap.Locations.Count - shown} more" : list;
    }

    private static void WriteActionItems(StringBuilder md, RunFacts facts)
    {
        md.Append("## Action items\n\n");
        foreach (var priority in Enum.GetValues<ActionPriority>())
        {
            var items = facts.ShownActionItems(priority);
            md.Append("### ").Append(priority.Heading()).Append("\n\n");
            if (items.Count == 0)
            {
                md.Append("None.\n\n");
                continue;
            }
            md.Append(Row("Action", "Owner", "Effort", "Impact", "Gap")).Append('\n');
            md.Append(Row("---", "---", "---", "---", "---")).Append('\n');
            foreach (var gap in items)
            {
                var where = gap.Locations.Count switch
                {
                    0 => "",
                    1 => " (" + Code(gap.Locations[0].ToString(), inTable: true) + ")",
                    var n => $" ({n} locations)",
                };
                md.Append(Row(Inline(gap.Action) + where, Inline(gap.Owner), Inline(gap.Effort), Inline(gap.Impact), Code(gap.Id, inTable: true))).Append('\n');
            }
            md.Append('\n');
        }
    }

    private static void WriteInfrastructure(StringBuilder md, RunFacts facts)
    {
        md.Append("## Infrastructure: configured vs deployed\n\n");
        var table = facts.Infrastructure;
        foreach (var problem in table.Problems) md.Append("- ").Append(Inline(problem)).Append('\n');
        if (table.Problems.Count > 0) md.Append('\n');
        if (table.Components.Count == 0)
        {
            md.Append("Not verified: no agent reported infrastructure (an `infrastructure.json` artifact).\n\n");
            return;
        }
        md.Append(Row("Component", "Configured", "Deployed", "Gap", "Source")).Append('\n');
        md.Append(Row("---", "---", "---", "---:", "---")).Append('\n');
        foreach (var c in table.Components)
        {
            md.Append(Row(Inline(c.Name), Inline(c.ConfiguredCell), Inline(c.DeployedCell), c.GapCell, Inline(c.Source))).Append('\n');
        }
        md.Append('\n');
    }

    private static void WriteTrend(StringBuilder md, RunFacts facts)
    {
        md.Append("## Trend\n\n");
        if (facts.History.Count < 2)
        {
            md.Append("First run in this journal: no trend yet.\n\n");
            return;
        }
        md.Append(Row("Run", "Started", "Status", "CRITICAL", "HIGH", "MEDIUM", "LOW", "Total")).Append('\n');
        md.Append(Row("---", "---", "---", "---:", "---:", "---:", "---:", "---:")).Append('\n');
        foreach (var point in facts.History)
        {
            string N(Severity s) => point.Count(s).ToString(CultureInfo.InvariantCulture);
            var id = point.RunId == facts.Outcome.RunId ? Code(point.RunId, inTable: true) + " (this run)" : Code(point.RunId, inTable: true);
            md.Append(Row(id, ReportText.Timestamp(point.StartedAt), Inline(point.Status), N(Severity.Critical), N(Severity.High),
                N(Severity.Medium), N(Severity.Low), point.Total.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }
        md.Append('\n');
    }

    /// <summary>The test-hygiene agent's table and its list of conditional skips (which are not findings one by one).</summary>
    private static void WriteTests(StringBuilder md, RunFacts facts)
    {
        var hygiene = facts.Artifacts.Where(a => a.Artifact.Name == "test-hygiene.md").ToList();
        if (hygiene.Count == 0) return;
        md.Append("## Tests\n\n");
        foreach (var (_, artifact) in hygiene)
        {
            foreach (var line in artifact.Content.TrimEnd('\n').Split('\n'))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal)) continue;
                md.Append(line.StartsWith("## ", StringComparison.Ordinal) ? "#" + line : line).Append('\n');
            }
            md.Append('\n');
        }
    }

    private static void WriteFilesCreated(StringBuilder md, RunFacts facts)
    {
        md.Append("## Files created\n\n");
        var artifacts = facts.Artifacts.ToList();
        if (artifacts.Count == 0)
        {
            md.Append("No agent produced an artifact.\n\n");
            return;
        }
        md.Append(Row("File", "Agent", "Type", "Lines", "Size")).Append('\n');
        md.Append(Row("---", "---", "---", "---:", "---:")).Append('\n');
        foreach (var (agent, artifact) in artifacts)
        {
            var lines = artifact.Content.Length == 0 ? 0 : artifact.Content.TrimEnd('\n').Count(c => c == '\n') + 1;
            md.Append(Row(Code(artifact.Name, inTable: true), Code(agent.AgentId, inTable: true), Inline(artifact.MediaType),
                lines.ToString(CultureInfo.InvariantCulture), ReportText.Bytes(artifact.SizeBytes))).Append('\n');
        }
        md.Append('\n');
    }

    private static void WriteWaves(StringBuilder md, RunFacts facts)
    {
        md.Append("## Waves\n\n");
        if (facts.Waves.Count == 0)
        {
            md.Append("No wave started.\n\n");
            return;
        }
        md.Append(Row("#", "Wave", "Status", "On fail", "Duration", "Exit criterion", "Result", "Reason")).Append('\n');
        md.Append(Row("---:", "---", "---", "---", "---:", "---", "---", "---")).Append('\n');
        foreach (var wave in facts.Waves)
        {
            var duration = wave.StartedAt is { } s && wave.FinishedAt is { } f ? ReportText.Duration(f - s) : "—";
            var head = new[]
            {
                wave.Index.ToString(CultureInfo.InvariantCulture), Inline(wave.Name),
                ReportText.WaveStatus(wave.Status), wave.ContinueOnFail ? "continue" : "stop", duration,
            };
            if (wave.Criteria.Count == 0)
            {
                md.Append(Row([.. head, "—", "—", "no exit criteria"])).Append('\n');
                continue;
            }
            foreach (var criterion in wave.Criteria)
            {
                md.Append(Row([.. head, Code(criterion.Criterion, inTable: true),
                    criterion.Passed ? "passed" : "**FAILED**", Inline(criterion.Reason)])).Append('\n');
            }
        }
        md.Append('\n');
    }

    private static void WriteAgentPerformance(StringBuilder md, RunFacts facts)
    {
        md.Append("## Agent performance\n\n");
        if (facts.Agents.Count == 0)
        {
            md.Append("No agents.\n\n");
            return;
        }
        var tokens = facts.HasTokenMetrics;
        string[] header = ["Agent Type", "Count", "Success Rate", "Avg Duration", "Output Size"];
        string[] align = ["---", "---:", "---:", "---:", "---:"];
        if (tokens)
        {
            header = [.. header, "Tokens In", "Tokens Out", "Cost (USD)"];
            align = [.. align, "---:", "---:", "---:"];
        }
        md.Append(Row(header)).Append('\n').Append(Row(align)).Append('\n');
        foreach (var role in facts.Roles) md.Append(Row(PerformanceCells(role, tokens, bold: false))).Append('\n');
        md.Append(Row(PerformanceCells(facts.Total, tokens, bold: true))).Append('\n');
        md.Append("\nSuccess rate = succeeded ÷ finished (succeeded, failed, timed-out, cancelled); skipped and unfinished agents are not counted in it.\n\n");
    }

    private static string[] PerformanceCells(RoleFacts role, bool tokens, bool bold)
    {
        string B(string s) => bold ? "**" + s + "**" : s;
        var successRate = role.SuccessRate is null
            ? "n/a"
            : $"{ReportText.Percent(role.SuccessRate)} ({role.Succeeded}/{role.Finished})";
        string[] cells =
        [
            B(role.Role is { } r ? ReportText.Role(r) : "Total"),
            B(role.Count.ToString(CultureInfo.InvariantCulture)),
            B(successRate),
            B(ReportText.Duration(role.AverageDuration)),
            B(ReportText.Bytes(role.OutputBytes)),
        ];
        return tokens
            ? [.. cells, B(ReportText.Count(role.TokensIn)), B(ReportText.Count(role.TokensOut)), B(ReportText.Usd(role.CostUsd))]
            : cells;
    }

    private static void WriteAgentStatus(StringBuilder md, RunFacts facts)
    {
        md.Append("## Agents\n\n");
        if (facts.Agents.Count == 0)
        {
            md.Append("No agents.\n\n");
            return;
        }
        md.Append(Row("Agent", "Kind", "Role", "Wave", "Host", "State", "Attempts", "Duration", "Notes", "Error")).Append('\n');
        md.Append(Row("---", "---", "---", "---:", "---", "---", "---:", "---:", "---", "---")).Append('\n');
        foreach (var agent in facts.Agents)
        {
            var notes = new List<string>();
            if (agent.WentOverdue) notes.Add("⚠ overdue");
            if (agent.Reused) notes.Add("↻ reused from journal");
            var started = agent.StartedAt is not null || RoleFacts.IsFinished(agent.State);
            md.Append(Row(
                Code(agent.AgentId, inTable: true),
                Code(agent.Kind, inTable: true),
                ReportText.Role(agent.Role),
                agent.WaveIndex.ToString(CultureInfo.InvariantCulture),
                agent.Result.Host is { } host ? Inline(host) : "—",
                agent.State.ToLabel(),
                agent.Attempts.ToString(CultureInfo.InvariantCulture),
                started ? ReportText.Duration(agent.Duration) : "—",
                string.Join(", ", notes),
                Inline(agent.Error))).Append('\n');
        }
        md.Append('\n');
    }

    private static void WriteAgentSummaries(StringBuilder md, RunFacts facts)
    {
        var withSummary = facts.Agents.Where(a => !string.IsNullOrWhiteSpace(a.Result.Summary)).ToList();
        if (withSummary.Count == 0) return;
        md.Append("## Agent summaries\n\n");
        foreach (var agent in withSummary)
        {
            md.Append("- ").Append(Code(agent.AgentId)).Append(" (").Append(agent.State.ToLabel()).Append("): ")
                .Append(Inline(agent.Result.Summary.Trim())).Append('\n');
        }
        md.Append('\n');
    }

    private static void WriteFindingsBySeverity(StringBuilder md, RunFacts facts)
    {
        md.Append("## Findings by severity\n\n");
        md.Append(Row("Severity", "Count")).Append('\n');
        md.Append(Row("---", "---:")).Append('\n');
        foreach (var (severity, count) in facts.FindingsBySeverity)
        {
            md.Append(Row(severity.ToLabel(), count.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }
        md.Append(Row("**Total**", "**" + facts.FindingCount.ToString(CultureInfo.InvariantCulture) + "**")).Append('\n');
        md.Append('\n');
    }

    private static void WriteFindings(StringBuilder md, RunFacts facts)
    {
        md.Append("## Findings\n\n");
        if (facts.Findings.Count == 0)
        {
            md.Append(facts.Unverified.Count == 0
                ? "No findings.\n"
                : "No findings from the agents that succeeded. The agents listed under \"Not verified\" did not complete their checks.\n");
            return;
        }
        foreach (var group in facts.Findings.GroupBy(f => f.Severity))
        {
            var count = facts.FindingsBySeverity.First(p => p.Key == group.Key).Value;
            md.Append("### ").Append(group.Key.ToLabel()).Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
            foreach (var finding in group) WriteFinding(md, finding);
        }
    }

    private static void WriteFinding(StringBuilder md, Finding finding)
    {
        md.Append("#### ").Append(Inline(finding.Title)).Append("\n\n");
        md.Append("- **Rule:** ").Append(Code(finding.RuleId)).Append('\n');
        md.Append("- **Category:** ").Append(Inline(finding.Category)).Append('\n');
        md.Append("- **Location:** ").Append(finding.Location is { } location ? Code(location.ToString()) : "none given").Append('\n');
        md.Append("- **Message:** ").Append(Inline(finding.Message)).Append('\n');
        if (!string.IsNullOrEmpty(finding.Evidence)) md.Append("- **Evidence (redacted):** ").Append(Code(finding.Evidence)).Append('\n');
        if (!string.IsNullOrEmpty(finding.Remediation)) md.Append("- **Remediation:** ").Append(Inline(finding.Remediation)).Append('\n');
        if (finding.AgentId.Length > 0) md.Append("- **Agent:** ").Append(Code(finding.AgentId)).Append('\n');
        foreach (var (key, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            md.Append("- ").Append(Inline(key)).Append(": ").Append(Inline(value)).Append('\n');
        }
        md.Append("- **Fingerprint:** ").Append(Code(RunFacts.FingerprintOf(finding))).Append('\n');
        md.Append('\n');
    }
}
