using System.Globalization;
using System.Text;
using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports.History;
using static Muster.Reports.Markdown.MarkdownText;

namespace Muster.Reports.Summary;

/// <summary>
/// summary.md: a GitHub-flavoured Markdown digest for <c>$GITHUB_STEP_SUMMARY</c> and pull-request comments, always
/// under <see cref="LimitBytes"/> (GitHub cuts comments at 65,536 characters): gates, counts, new gaps first, then
/// the other open gaps, what the last run had that is gone, the worst findings with links, and "and K more" wherever
/// the list is longer than the room.
/// </summary>
internal sealed class SummaryReportWriter : IReportWriter
{
    public const int LimitBytes = 60_000;

    // Shares of the limit each list may fill, so that new gaps come first but the findings table still gets room.
    private const double NewGapsShare = 0.40, OpenGapsShare = 0.15, GoneShare = 0.08;

    // Room kept for each section's closing "and K more" line and for the footer.
    private const int SectionReserve = 400;
    private const int FooterReserve = 1_200;

    public ReportFormat Format => ReportFormat.Summary;
    public string FileName => "summary.md";
    public IReadOnlyList<string> Names { get; } = ["summary"];

    public async Task WriteAsync(RunOutcome outcome, ReportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var text = Render(outcome, options);
        await destination.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).ConfigureAwait(false);
    }

    public static string Render(RunOutcome outcome, ReportOptions options)
    {
        var facts = RunFacts.Of(outcome, options);
        var md = new SummaryBudget(LimitBytes);
        Title(md, facts);
        Gates(md, facts);
        Counts(md, facts);
        var states = facts.States;
        var newGaps = facts.Gaps.Gaps.Where(g => states.Of(g) == GapState.New).ToList();
        var persisting = facts.Gaps.Gaps.Where(g => states.Of(g) == GapState.Persisting).ToList();
        GapList(md, facts, states.PreviousRunId is null ? "Gaps (first run: all new)" : $"New since run {states.PreviousRunId}", newGaps, NewGapsShare);
        if (states.PreviousRunId is not null)
        {
            GapList(md, facts, "Still open", persisting, OpenGapsShare);
            Gone(md, states);
        }
        TopFindings(md, facts);
        Unverified(md, facts);
        md.AppendLine();
        md.AppendLine($"<sub>Muster {options.ToolVersion} · run `{facts.Outcome.RunId}` · full reports: report.md, report.html, report.json, report.sarif</sub>");
        return md.ToString();
    }

    private static void Title(SummaryBudget md, RunFacts facts)
    {
        var gates = GateVerdictText.Of(facts.Gates);
        var verdict = (gates.Tone switch { GateTone.Bad => "❌ ", GateTone.Warn => "⚠️ ", _ => "✅ " }) + gates.Text;
        md.AppendLine($"## Muster: {Inline(facts.Outcome.PlanName)} — {verdict}");
        md.AppendLine();
        md.AppendLine($"Run `{facts.Outcome.RunId}` · {ReportText.RunStatus(facts.Outcome.Status)} · {ReportText.Duration(facts.Duration)}" +
            (facts.Outcome.StopReason is { Length: > 0 } reason ? $" · stopped: {Inline(reason)}" : ""));
        md.AppendLine();
    }

    private static void Gates(SummaryBudget md, RunFacts facts)
    {
        if (facts.Gates.Count == 0) return;
        md.AppendLine("| Gate | Result | Why |");
        md.AppendLine("|---|---|---|");
        foreach (var gate in facts.Gates)
        {
            var icon = gate.Blocks ? "❌" : gate.Warns ? "⚠️" : gate.Status == GateStatus.Passed ? "✅" : "➖";
            md.TryAppendLine(Row(Inline(gate.Name), $"{icon} {gate.Label}", Inline(Shorten(gate.Summary, 200))), FooterReserve);
        }
        md.AppendLine();
    }

    private static void Counts(SummaryBudget md, RunFacts facts)
    {
        Severity[] order = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];
        md.AppendLine("| | " + string.Join(" | ", order.Select(s => s.ToLabel())) + " | Total |");
        md.AppendLine("|---|" + string.Concat(order.Select(_ => "---:|")) + "---:|");
        var gaps = facts.Gaps.Gaps;
        md.AppendLine("| Gaps | " + string.Join(" | ", order.Select(s => N(gaps.Count(g => g.Severity == s)))) + $" | {N(gaps.Count)} |");
        if (facts.States.PreviousRunId is not null)
        {
            var fresh = gaps.Where(g => facts.States.Of(g) == GapState.New).ToList();
            md.AppendLine("| New gaps | " + string.Join(" | ", order.Select(s => N(fresh.Count(g => g.Severity == s)))) + $" | {N(fresh.Count)} |");
        }
        md.AppendLine("| Findings | " + string.Join(" | ", order.Select(s => N(facts.AllFindings.Count(f => f.Severity == s)))) + $" | {N(facts.FindingCount)} |");
        md.AppendLine();
        if (facts.States.PreviousRunId is { } previous)
        {
            md.AppendLine($"Since run `{previous}`: {N(facts.States.Count(GapState.New))} new, {N(facts.States.Count(GapState.Persisting))} still open, " +
                $"{N(facts.States.Count(GapState.Fixed))} fixed, {N(facts.States.Count(GapState.Suppressed))} suppressed, {N(facts.States.Count(GapState.Unverified))} gone but not re-checked.");
            md.AppendLine();
        }
    }

    private static void GapList(SummaryBudget md, RunFacts facts, string heading, IReadOnlyList<Gap> gaps, double share)
    {
        var until = md.Bytes + (int)(LimitBytes * share);
        md.AppendLine($"### {heading} ({N(gaps.Count)})");
        md.AppendLine();
        if (gaps.Count == 0)
        {
            md.AppendLine("None.");
            md.AppendLine();
            return;
        }
        var shown = 0;
        foreach (var gap in gaps)
        {
            var line = GapLine(facts, gap);
            if (md.Bytes + System.Text.Encoding.UTF8.GetByteCount(line) > until || !md.TryAppendLine(line, SectionReserve + FooterReserve)) break;
            shown++;
        }
        if (shown < gaps.Count) md.AppendLine($"- … and {N(gaps.Count - shown)} more (report.md lists every gap)");
        md.AppendLine();
    }

    private static string GapLine(RunFacts facts, Gap gap)
    {
        var line = new StringBuilder("- **").Append(gap.Severity.ToLabel()).Append("** ").Append(Inline(Shorten(gap.Title, 160)));
        if (gap.Locations.Count > 0) line.Append(" — ").Append(Location(facts, gap.Locations[0]));
        if (gap.Locations.Count > 1) line.Append(" and ").Append(N(gap.Locations.Count - 1)).Append(" more");
        foreach (var rule in gap.RuleIds.Take(1))
        {
            line.Append(" · ").Append(facts.Links.Rule(rule) is { } uri ? $"[{Inline(rule)}]({uri})" : Code(rule));
        }
        line.Append(" · ").Append(Inline(Shorten(gap.Action, 160)));
        return line.ToString();
    }

    private static void Gone(SummaryBudget md, GapStates states)
    {
        if (states.Gone.Count == 0) return;
        md.AppendLine($"### Gone since run {states.PreviousRunId} ({N(states.Gone.Count)})");
        md.AppendLine();
        var shown = 0;
        var until = md.Bytes + (int)(LimitBytes * GoneShare);
        foreach (var (gap, state) in states.Gone.OrderBy(g => g.State).ThenByDescending(g => g.Gap.Severity))
        {
            var label = state switch { GapState.Fixed => "fixed", GapState.Suppressed => "suppressed", _ => "not re-checked (its agent did not succeed)" };
            var line = $"- {label}: **{gap.Severity.ToLabel()}** {Inline(Shorten(gap.Title, 160))}";
            if (md.Bytes + line.Length > until || !md.TryAppendLine(line, SectionReserve + FooterReserve)) break;
            shown++;
        }
        if (shown < states.Gone.Count) md.AppendLine($"- … and {N(states.Gone.Count - shown)} more");
        md.AppendLine();
    }

    private static void TopFindings(SummaryBudget md, RunFacts facts)
    {
        var findings = facts.Findings.Where(f => f.Severity > Severity.Info).ToList();
        md.AppendLine($"### Top findings ({N(findings.Count)})");
        md.AppendLine();
        if (findings.Count == 0)
        {
            md.AppendLine("No finding above INFO.");
            md.AppendLine();
            return;
        }
        md.AppendLine("| Severity | Finding | Where | Rule |");
        md.AppendLine("|---|---|---|---|");
        var shown = 0;
        foreach (var f in findings)
        {
            var what = Inline(Shorten(f.Title, 140));
            var advisories = facts.Links.Advisories(f);
            if (advisories.Count > 0) what += " (" + string.Join(", ", advisories.Take(3).Select(a => $"[{a.Id}]({a.Uri})")) + ")";
            var where = f.Location is { } l ? Location(facts, l, inTable: true) : "—";
            var rule = facts.Links.Rule(f.RuleId) is { } uri ? $"[{Inline(f.RuleId)}]({uri})" : Code(f.RuleId, inTable: true);
            if (!md.TryAppendLine(Row(f.Severity.ToLabel(), what, where, rule), SectionReserve + FooterReserve)) break;
            shown++;
        }
        md.AppendLine();
        if (shown < findings.Count) md.AppendLine($"… and {N(findings.Count - shown)} more findings: report.md, report.html and report.json list them all.");
        md.AppendLine();
    }

    private static void Unverified(SummaryBudget md, RunFacts facts)
    {
        if (facts.Unverified.Count == 0) return;
        md.AppendLine($"**Not verified:** {N(facts.Unverified.Count)} agent(s) did not succeed, so their checks are unverified, not passed: " +
            string.Join(", ", facts.Unverified.Take(20).Select(a => $"`{a.AgentId}` ({a.State.ToLabel()})")) + (facts.Unverified.Count > 20 ? ", …" : "") + ".");
    }

    private static string Location(RunFacts facts, SourceLocation location, bool inTable = false)
    {
        var text = Code(Shorten(location.ToString(), 120), inTable);
        return facts.Links.File(location) is { } uri ? $"[{text}]({uri})" : text;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
