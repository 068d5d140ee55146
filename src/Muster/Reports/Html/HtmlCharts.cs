using System.Text;
using Muster.Engine;
using Muster.Gaps;
using Muster.Model;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>The report's inline SVG charts. Sizes are fixed numbers so the same run always draws the same picture.</summary>
internal static class HtmlCharts
{
    private const int Width = 960;
    private const int LabelWidth = 200;

    public static string SeverityBars(GapRegister gaps)
    {
        var rows = gaps.BySeverity;
        var max = Math.Max(1, rows.Max(r => r.Value));
        const int rowHeight = 28;
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" role=\"img\" aria-label=\"Gaps by severity\" viewBox=\"0 0 ").Append(I(Width)).Append(' ').Append(I(rows.Count * rowHeight + 8)).Append("\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (severity, count) = rows[i];
            var y = i * rowHeight + 4;
            var w = (Width - LabelWidth - 80) * count / (double)max;
            svg.Append("<text x=\"0\" y=\"").Append(I(y + 18)).Append("\">").Append(severity.ToLabel()).Append("</text>");
            svg.Append("<rect class=\"sev-fill ").Append(Css(severity.ToLabel())).Append("\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y))
                .Append("\" width=\"").Append(N(Math.Max(w, count > 0 ? 2 : 0))).Append("\" height=\"").Append(I(rowHeight - 8)).Append("\"><title>")
                .Append(severity.ToLabel()).Append(": ").Append(I(count)).Append(" gap(s)</title></rect>");
            svg.Append("<text x=\"").Append(N(LabelWidth + w + 8)).Append("\" y=\"").Append(I(y + 18)).Append("\">").Append(I(count)).Append("</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    public static string Timeline(RunFacts facts)
    {
        var h = new StringBuilder();
        var started = facts.Agents.Where(a => a.StartedAt is not null).ToList();
        if (started.Count == 0)
        {
            return h.Append("<p class=\"note\">No agent started.</p>\n").ToString();
        }
        var origin = facts.Outcome.StartedAt;
        var end = new[] { facts.Outcome.FinishedAt ?? origin }
            .Concat(facts.Agents.Select(EndOf).OfType<DateTimeOffset>())
            .Concat(facts.Waves.Select(w => w.FinishedAt).OfType<DateTimeOffset>())
            .Max();
        var span = Math.Max(1, (end - origin).TotalMilliseconds);
        const int rowHeight = 22, top = 24;
        var plot = Width - LabelWidth - 160;
        double X(DateTimeOffset at) => LabelWidth + plot * Math.Clamp((at - origin).TotalMilliseconds / span, 0, 1);
        var agents = facts.Agents.OrderBy(a => a.WaveIndex).ThenBy(a => a.StartedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        var height = top + agents.Count * rowHeight + 24;

        h.Append("<svg class=\"chart timeline\" role=\"img\" aria-label=\"Timeline of waves and agents\" viewBox=\"0 0 ").Append(I(Width)).Append(' ').Append(I(height)).Append("\">\n");
        foreach (var wave in facts.Waves.Where(w => w.StartedAt is not null))
        {
            var x1 = X(wave.StartedAt!.Value);
            var x2 = X(wave.FinishedAt ?? end);
            h.Append("<rect class=\"wave-band w").Append(I(wave.Index % 2)).Append("\" x=\"").Append(N(x1)).Append("\" y=\"0\" width=\"").Append(N(Math.Max(1, x2 - x1)))
                .Append("\" height=\"").Append(I(height - 20)).Append("\"><title>").Append(E(wave.Name)).Append("</title></rect>");
            h.Append("<text class=\"wave-label\" x=\"").Append(N(x1 + 4)).Append("\" y=\"14\">").Append(E(Shorten(wave.Name, 28))).Append("</text>\n");
        }
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            var y = top + i * rowHeight;
            h.Append("<text x=\"0\" y=\"").Append(I(y + 15)).Append("\">").Append(E(Shorten(agent.AgentId, 26))).Append("</text>");
            if (agent.StartedAt is not { } start)
            {
                h.Append("<text class=\"muted\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y + 15)).Append("\">").Append(agent.State.ToLabel()).Append(", not started</text>\n");
                continue;
            }
            var x1 = X(start);
            var x2 = X(EndOf(agent) ?? end);
            var state = agent.State.ToLabel();
            h.Append("<rect class=\"agent-bar ").Append(Css(state)).Append(agent.WentOverdue ? " overdue" : "").Append("\" x=\"").Append(N(x1)).Append("\" y=\"").Append(I(y + 3))
                .Append("\" width=\"").Append(N(Math.Max(2, x2 - x1))).Append("\" height=\"").Append(I(rowHeight - 6)).Append("\"><title>")
                .Append(E(agent.AgentId)).Append(": ").Append(state).Append(", ").Append(E(ReportText.Duration(agent.Duration)))
                .Append(agent.WentOverdue ? ", went overdue" : "").Append(agent.Result.Host is { } host ? ", on " + E(host) : "").Append("</title></rect>");
            h.Append("<text class=\"bar-label\" x=\"").Append(N(x2 + 4)).Append("\" y=\"").Append(I(y + 15)).Append("\">").Append(state)
                .Append(agent.WentOverdue && agent.State != AgentState.Overdue ? " ⚠ overdue" : agent.WentOverdue ? " ⚠" : "")
                .Append(agent.Result.Host is { } on ? " · " + E(Shorten(on, 24)) : "").Append("</text>\n");
        }
        h.Append("<text class=\"muted\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(height - 4)).Append("\">0</text>");
        h.Append("<text class=\"muted\" text-anchor=\"end\" x=\"").Append(I(LabelWidth + plot)).Append("\" y=\"").Append(I(height - 4)).Append("\">")
            .Append(E(ReportText.Duration(end - origin))).Append("</text>\n</svg>\n");
        h.Append("<p class=\"note\">Bars that overlap ran in parallel. An outlined bar went overdue: it passed its soft timeout and kept running (overdue is not failure).</p>\n");
        return h.ToString();
    }

    private static DateTimeOffset? EndOf(AgentOutcome agent) =>
        agent.FinishedAt ?? (agent.StartedAt is { } s && agent.Duration > TimeSpan.Zero ? s + agent.Duration : null);

    public static string Infrastructure(RunFacts facts)
    {
        var h = new StringBuilder();
        foreach (var problem in facts.Infrastructure.Problems) h.Append("<p class=\"warn-text\">").Append(E(problem)).Append("</p>\n");
        var components = facts.Infrastructure.Components;
        if (components.Count == 0)
        {
            return h.Append("<p class=\"note\">Not verified: no agent reported infrastructure (an <code>infrastructure.json</code> artifact).</p>\n").ToString();
        }
        var max = Math.Max(1, components.Max(c => Math.Max(c.Configured ?? 0, c.Deployed ?? 0)));
        const int rowHeight = 40;
        var plot = Width - LabelWidth - 160;
        h.Append("<svg class=\"chart\" role=\"img\" aria-label=\"Configured vs deployed\" viewBox=\"0 0 ").Append(I(Width)).Append(' ').Append(I(components.Count * rowHeight + 8)).Append("\">\n");
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var y = i * rowHeight + 4;
            h.Append("<text x=\"0\" y=\"").Append(I(y + 20)).Append("\">").Append(E(Shorten(c.Name, 28))).Append("<title>").Append(E(c.Name)).Append("</title></text>");
            var wc = plot * (c.Configured ?? 0) / (double)max;
            h.Append("<rect class=\"configured\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y)).Append("\" width=\"").Append(N(wc)).Append("\" height=\"14\"><title>configured: ")
                .Append(E(c.ConfiguredCell)).Append("</title></rect><text x=\"").Append(N(LabelWidth + wc + 6)).Append("\" y=\"").Append(I(y + 12)).Append("\">configured ")
                .Append(E(c.ConfiguredCell)).Append("</text>");
            if (c.Deployed is { } deployed)
            {
                var wd = plot * deployed / (double)max;
                h.Append("<rect class=\"deployed\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y + 17)).Append("\" width=\"").Append(N(wd)).Append("\" height=\"14\"><title>deployed: ")
                    .Append(E(c.DeployedCell)).Append("</title></rect><text x=\"").Append(N(LabelWidth + wd + 6)).Append("\" y=\"").Append(I(y + 29)).Append("\">deployed ")
                    .Append(E(c.DeployedCell)).Append(" · gap ").Append(E(c.GapCell)).Append("</text>\n");
            }
            else
            {
                h.Append("<text class=\"unverified\" x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y + 29)).Append("\">deployed: ").Append(E(c.DeployedCell)).Append("</text>\n");
            }
        }
        h.Append("</svg>\n<table><thead><tr><th>Component</th><th>Configured</th><th>Deployed</th><th>Gap</th><th>Source</th></tr></thead><tbody>\n");
        foreach (var c in components)
        {
            h.Append("<tr><td>").Append(E(c.Name)).Append("</td><td>").Append(E(c.ConfiguredCell)).Append("</td><td>").Append(E(c.DeployedCell)).Append("</td><td>")
                .Append(E(c.GapCell)).Append("</td><td>").Append(E(c.Source)).Append("</td></tr>\n");
        }
        return h.Append("</tbody></table>\n").ToString();
    }

    public static string Trend(RunFacts facts)
    {
        var h = new StringBuilder();
        var points = facts.History;
        if (points.Count < 2)
        {
            return h.Append("<p class=\"note\">First run in this journal: no trend yet.</p>\n").ToString();
        }
        var max = Math.Max(1, points.Max(p => p.Total));
        const int chartHeight = 160, barWidth = 36, top = 20;
        var step = Math.Min(120, (Width - 60) / points.Count);
        h.Append("<svg class=\"chart\" role=\"img\" aria-label=\"Gaps per run\" viewBox=\"0 0 ").Append(I(Width)).Append(' ').Append(I(chartHeight + top + 24)).Append("\">\n");
        Severity[] order = [Severity.Low, Severity.Medium, Severity.High, Severity.Critical];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = 40 + i * step;
            double y = chartHeight + top;
            foreach (var severity in order)
            {
                var hgt = chartHeight * p.Count(severity) / (double)max;
                y -= hgt;
                if (hgt > 0)
                {
                    h.Append("<rect class=\"sev-fill ").Append(Css(severity.ToLabel())).Append("\" x=\"").Append(I(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(I(barWidth))
                        .Append("\" height=\"").Append(N(hgt)).Append("\"><title>").Append(E(p.RunId)).Append(": ").Append(I(p.Count(severity))).Append(' ').Append(severity.ToLabel()).Append("</title></rect>");
                }
            }
            h.Append("<text x=\"").Append(I(x)).Append("\" y=\"").Append(N(y - 4)).Append("\">").Append(I(p.Total)).Append("</text>");
            h.Append("<text class=\"muted\" x=\"").Append(I(x)).Append("\" y=\"").Append(I(chartHeight + top + 16)).Append("\">").Append(E(Shorten(p.RunId, 16))).Append("</text>\n");
        }
        h.Append("</svg>\n<table><thead><tr><th>Run</th><th>Started</th><th>Status</th><th>CRITICAL</th><th>HIGH</th><th>MEDIUM</th><th>LOW</th><th>Total</th></tr></thead><tbody>\n");
        foreach (var p in points)
        {
            h.Append("<tr><td><code>").Append(E(p.RunId)).Append("</code></td><td>").Append(E(ReportText.Timestamp(p.StartedAt))).Append("</td><td>").Append(E(p.Status)).Append("</td>");
            foreach (var s in new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low }) h.Append("<td>").Append(I(p.Count(s))).Append("</td>");
            h.Append("<td>").Append(I(p.Total)).Append("</td></tr>\n");
        }
        return h.Append("</tbody></table>\n").ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
