using System.Text;
using Muster.Gaps;
using Muster.Model;
using Muster.Reports.History;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>
/// Gaps grouped by rule: one folded row per rule (worst severity, rule title, how many gaps and locations, their
/// states), opening to the gaps with their locations, evidence, advisories and fix. Each gap carries its state, so
/// the view switch (new since the last run by default) shows and hides them without reparsing anything.
/// </summary>
internal static class HtmlGapsSection
{
    public static void Write(StringBuilder h, RunFacts facts)
    {
        h.Append("<section id=\"gaps\"><h2>Gaps by rule</h2>\n").Append(HtmlCharts.SeverityBars(facts.Gaps));
        var groups = facts.ShownGaps
            .GroupBy(RuleOf, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(x => x.Severity))
            .ThenByDescending(g => g.Sum(x => facts.AggregateOf(x)?.Count ?? 1))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0) h.Append("<p class=\"note\">No open gap.</p>\n");
        h.Append("<p class=\"note empty-view\">No gap in this view.</p>\n");
        var all = facts.Gaps.Gaps.ToLookup(RuleOf, StringComparer.Ordinal);
        foreach (var group in groups) Group(h, facts, group.Key, group.ToList(), all[group.Key].ToList());
        Gone(h, facts);
        h.Append("</section>\n");
    }

    private static string RuleOf(Gap gap) => gap.RuleIds.Count > 0 ? gap.RuleIds[0] : "";

    /// <param name="gaps">The gaps listed (an aggregated "N more" entry among them when the rule floods).</param>
    /// <param name="all">Every gap of the rule: the counts.</param>
    private static void Group(StringBuilder h, RunFacts facts, string ruleId, IReadOnlyList<Gap> gaps, IReadOnlyList<Gap> all)
    {
        var help = facts.RuleHelp(ruleId);
        var worst = gaps.Max(g => g.Severity);
        var states = all.Select(g => facts.States.Of(g)).ToList();
        var locations = all.Sum(g => g.Locations.Count);
        h.Append("<details class=\"rule\" data-states=\"").Append(string.Join(' ', states.Distinct().Select(s => s.ToKey()))).Append("\"><summary>")
            .Append("<span class=\"sev ").Append(Css(worst.ToLabel())).Append("\">").Append(worst.ToLabel()).Append("</span> ")
            .Append("<span class=\"rule-title\">").Append(E(help?.Title ?? ruleId)).Append("</span> ")
            .Append("<span class=\"count\">").Append(I(all.Count)).Append(all.Count == 1 ? " gap" : " gaps");
        if (locations > all.Count) h.Append(", ").Append(I(locations)).Append(" locations");
        h.Append("</span>");
        foreach (var state in states.GroupBy(s => s).OrderBy(s => s.Key))
        {
            h.Append(" <span class=\"state ").Append(state.Key.ToKey()).Append("\">").Append(I(state.Count())).Append(' ').Append(state.Key.ToKey()).Append("</span>");
        }
        h.Append(" <code class=\"rule-id\">").Append(E(ruleId)).Append("</code></summary>\n<div class=\"rule-body\">");
        if (help?.Why is { } why) h.Append("<p class=\"why\">").Append(HtmlText.WithCode(why)).Append("</p>");
        if (facts.Links.Rule(ruleId) is { } docs) h.Append("<p class=\"docs\">").Append(HtmlText.Link(docs, "Rule documentation")).Append("</p>");
        h.Append("<ul class=\"gap-list\">\n");
        foreach (var gap in gaps) Gap(h, facts, gap);
        h.Append("</ul></div></details>\n");
    }

    private static void Gap(StringBuilder h, RunFacts facts, Gap gap)
    {
        var state = facts.States.Of(gap);
        var lead = facts.LeadFinding(gap);
        h.Append("<li class=\"gap\" id=\"").Append(E(gap.Id)).Append("\" data-state=\"").Append(state.ToKey()).Append("\">")
            .Append("<span class=\"state ").Append(state.ToKey()).Append("\">").Append(state.ToKey()).Append("</span> ")
            .Append("<span class=\"sev ").Append(Css(gap.Severity.ToLabel())).Append("\">").Append(gap.Severity.ToLabel()).Append("</span> ")
            .Append("<strong>").Append(E(gap.Title)).Append("</strong> <code class=\"gap-id\">").Append(E(gap.Id)).Append("</code>");
        if (lead is not null)
        {
            if (lead.Message.Length > 0 && lead.Message != lead.Title) h.Append("<div class=\"msg\">").Append(E(HtmlText.Shorten(lead.Message, 600))).Append("</div>");
            var advisories = facts.Links.Advisories(lead);
            if (advisories.Count > 0)
            {
                h.Append("<div class=\"advisories\">Advisories: ").Append(string.Join(", ", advisories.Select(a => HtmlText.Link(a.Uri, E(a.Id))))).Append("</div>");
            }
            h.Append(HtmlEvidence.Block(facts, lead));
        }
        h.Append("<div class=\"where\">").Append(HtmlLocations.List(facts, gap.Locations)).Append("</div>")
            .Append("<div class=\"fix\">Fix: ").Append(HtmlText.WithCode(gap.Action)).Append("</div>")
            .Append("<div class=\"meta\">Owner ").Append(E(gap.Owner)).Append(" · effort ").Append(E(gap.Effort)).Append(" · ").Append(E(gap.Priority.ToString())).Append("</div>")
            .Append("</li>\n");
    }

    private static void Gone(StringBuilder h, RunFacts facts)
    {
        var gone = facts.States.Gone;
        if (facts.States.PreviousRunId is null) return;
        h.Append("<details class=\"rule gone\" data-states=\"").Append(string.Join(' ', gone.Select(g => g.State.ToKey()).Distinct())).Append("\"><summary>")
            .Append("<span class=\"rule-title\">Gone since run ").Append(E(facts.States.PreviousRunId)).Append("</span> <span class=\"count\">").Append(I(gone.Count)).Append(" gap(s)</span>");
        foreach (var state in gone.GroupBy(g => g.State).OrderBy(s => s.Key))
        {
            h.Append(" <span class=\"state ").Append(state.Key.ToKey()).Append("\">").Append(I(state.Count())).Append(' ').Append(state.Key.ToKey()).Append("</span>");
        }
        h.Append("</summary>\n<div class=\"rule-body\"><p class=\"note\">Fixed: every agent that reported it succeeded this time and no longer does. ")
            .Append("Suppressed: a baseline or allow-list hides all its findings. Unverified: an agent that reported it did not succeed, so nothing re-checked it.</p><ul class=\"gap-list\">\n");
        foreach (var (gap, state) in gone.OrderBy(g => g.State).ThenByDescending(g => g.Gap.Severity))
        {
            h.Append("<li class=\"gap\" data-state=\"").Append(state.ToKey()).Append("\"><span class=\"state ").Append(state.ToKey()).Append("\">").Append(state.ToKey())
                .Append("</span> <span class=\"sev ").Append(Css(gap.Severity.ToLabel())).Append("\">").Append(gap.Severity.ToLabel()).Append("</span> ")
                .Append("<strong>").Append(E(gap.Title)).Append("</strong> <code class=\"gap-id\">").Append(E(gap.Id)).Append("</code>")
                .Append("<div class=\"where\">").Append(HtmlLocations.List(facts, gap.Locations)).Append("</div></li>\n");
        }
        h.Append("</ul></div></details>\n");
    }
}
