using System.Text;
using Muster.Model;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>Every finding, folded, in a table the filters narrow by severity, category and path.</summary>
internal static class HtmlFindingsSection
{
    public static void Write(StringBuilder h, RunFacts facts)
    {
        h.Append("<section id=\"findings\"><details class=\"fold\"><summary><h2>Findings <span class=\"count\">").Append(I(facts.FindingCount)).Append("</span></h2></summary>\n");
        if (facts.Findings.Count == 0)
        {
            h.Append("<p>No findings").Append(facts.Unverified.Count > 0 ? " from the agents that succeeded; the others' checks are unverified" : "").Append(".</p></details></section>\n");
            return;
        }
        var categories = facts.Findings.Select(f => f.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        h.Append("<div class=\"filters\"><label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>");
        foreach (var severity in SeverityText.WorstFirst) h.Append("<option value=\"").Append(severity.ToLabel()).Append("\">").Append(severity.ToLabel()).Append("</option>");
        h.Append("</select></label> <label>Category <select id=\"filter-category\"><option value=\"\">all</option>");
        foreach (var category in categories) h.Append("<option value=\"").Append(E(category)).Append("\">").Append(E(category)).Append("</option>");
        h.Append("</select></label> <label>Path <input id=\"filter-path\" type=\"search\" placeholder=\"part of a path\"></label> <span id=\"filter-count\" aria-live=\"polite\">")
            .Append(I(facts.Findings.Count)).Append(" of ").Append(I(facts.Findings.Count)).Append(" shown</span></div>\n");
        h.Append("<table id=\"findings-table\" class=\"findings\"><colgroup><col class=\"c-sev\"><col class=\"c-what\"><col class=\"c-where\"><col class=\"c-rule\"><col class=\"c-agent\"></colgroup>")
            .Append("<thead><tr><th>Severity</th><th>Finding</th><th>Location</th><th>Rule</th><th>Agent</th></tr></thead><tbody>\n");
        foreach (var f in facts.Findings)
        {
            h.Append("<tr data-severity=\"").Append(f.Severity.ToLabel()).Append("\" data-category=\"").Append(E(f.Category))
                .Append("\" data-path=\"").Append(E(f.Location?.Path ?? "")).Append("\"><td><span class=\"sev ").Append(Css(f.Severity.ToLabel())).Append("\">")
                .Append(f.Severity.ToLabel()).Append("</span></td><td><strong>").Append(E(f.Title)).Append("</strong><div class=\"msg\">").Append(E(HtmlText.Shorten(f.Message, 600))).Append("</div>");
            if (!string.IsNullOrEmpty(f.Evidence)) h.Append("<pre class=\"evidence\"><span class=\"hit\">").Append(E(f.Evidence)).Append("</span></pre>");
            if (!string.IsNullOrEmpty(f.Remediation)) h.Append("<div class=\"fix\">Fix: ").Append(HtmlText.WithCode(f.Remediation)).Append("</div>");
            h.Append("</td><td>").Append(f.Location is { } l ? HtmlLocations.One(facts, l) : "<span class=\"muted\">none</span>").Append("</td><td>");
            var rule = "<code class=\"rule-id\">" + E(f.RuleId) + "</code>";
            h.Append(facts.Links.Rule(f.RuleId) is { } docs ? HtmlText.Link(docs, rule) : rule);
            h.Append("</td><td>").Append(E(f.AgentId)).Append("</td></tr>\n");
        }
        h.Append("</tbody></table>\n</details></section>\n");
    }
}
