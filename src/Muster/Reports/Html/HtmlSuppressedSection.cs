using System.Text;
using Muster.Model;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>report.html's "Suppressed" section, as report.md's: each finding a committed file hid, the entry and its reason.</summary>
internal static class HtmlSuppressedSection
{
    public static void Write(StringBuilder h, RunFacts facts)
    {
        var options = facts.Options;
        if (options.Suppressed.Count == 0 && options.SuppressionNotes.Count == 0) return;
        h.Append("<section id=\"suppressed\"><details class=\"fold\"><summary><h2>Suppressed <span class=\"count\">").Append(I(options.Suppressed.Count))
            .Append("</span></h2></summary>\n<p class=\"note\">Hidden by the repository's committed files (.musterignore, muster.yaml's exclude, the secrets baseline); not counted in the gates or --fail-on.</p>\n");
        foreach (var note in options.SuppressionNotes) h.Append("<p class=\"note\"><strong>Note:</strong> ").Append(E(note)).Append("</p>\n");
        if (options.Suppressed.Count > 0)
        {
            h.Append("<table class=\"suppressed\"><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Reason</th><th>Entry</th></tr></thead><tbody>\n");
            foreach (var s in options.Suppressed.OrderByDescending(s => s.Finding.Severity).ThenBy(s => s.Finding.Location?.Path ?? "", StringComparer.Ordinal))
            {
                h.Append("<tr><td>").Append(E(s.Finding.Severity.ToLabel())).Append("</td><td><code>").Append(E(s.Finding.RuleId)).Append("</code></td><td>")
                    .Append(s.Finding.Location is { } l ? HtmlLocations.One(facts, l) : "<span class=\"muted\">no file</span>")
                    .Append("</td><td>").Append(E(s.Reason)).Append("</td><td><code>").Append(E(s.Source)).Append("</code> ").Append(E(s.Entry)).Append("</td></tr>\n");
            }
            h.Append("</tbody></table>\n");
        }
        h.Append("</details></section>\n");
    }
}
