using System.Text;
using Muster.Model;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>
/// A finding's evidence (always the agent's redacted form) between the line before and the line after it, read
/// through <see cref="ReportOptions.ContextLines"/> (which scrubs secrets). Security findings get no context: the
/// lines around a credential are where its neighbours live.
/// </summary>
internal static class HtmlEvidence
{
    public static string Block(RunFacts facts, Finding finding)
    {
        if (string.IsNullOrEmpty(finding.Evidence) && finding.Location is not { Line: > 0 }) return "";
        var context = finding.Location is { Line: > 0 } location && !facts.IsSecurity(finding)
            ? facts.Options.ContextLines?.Invoke(location)
            : null;
        if (context is null || context.Count == 0)
        {
            return string.IsNullOrEmpty(finding.Evidence) ? "" : "<pre class=\"evidence\"><span class=\"hit\">" + E(finding.Evidence) + "</span></pre>";
        }
        var line = finding.Location!.Line;
        var h = new StringBuilder("<pre class=\"evidence\">");
        foreach (var (number, text) in context.Where(c => c.Line >= line - 1 && c.Line <= line + 1))
        {
            var shown = number == line && !string.IsNullOrEmpty(finding.Evidence) ? finding.Evidence : text;
            h.Append("<span class=\"ln\">").Append(I(number)).Append("</span>")
                .Append(number == line ? "<span class=\"hit\">" : "<span>").Append(E(HtmlText.Shorten(shown, 240))).Append("</span>\n");
        }
        return h.Append("</pre>").ToString();
    }
}
