using System.Globalization;
using System.Text;
using Muster.Model;
using static Muster.Reports.Markdown.MarkdownText;

namespace Muster.Reports.Markdown;

/// <summary>
/// report.md's "Suppressed" section: every finding a committed file hid, with the entry and its reason, and the notes
/// about those files (expired entries). Written only when there is something to say.
/// </summary>
internal static class MarkdownSuppressedSection
{
    public static void Write(StringBuilder md, ReportOptions options)
    {
        if (options.Suppressed.Count == 0 && options.SuppressionNotes.Count == 0) return;
        md.Append("## Suppressed\n\n");
        md.Append(options.Suppressed.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" finding(s) suppressed by the repository's committed files; they do not count toward the gates or --fail-on.\n\n");
        foreach (var note in options.SuppressionNotes) md.Append("- **Note:** ").Append(Inline(note)).Append('\n');
        if (options.SuppressionNotes.Count > 0) md.Append('\n');
        if (options.Suppressed.Count == 0) return;
        md.Append(Row("Severity", "Rule", "Location", "Reason", "Entry")).Append('\n');
        md.Append(Row("---", "---", "---", "---", "---")).Append('\n');
        foreach (var s in options.Suppressed.OrderByDescending(s => s.Finding.Severity)
                     .ThenBy(s => s.Finding.Location?.Path ?? "", StringComparer.Ordinal).ThenBy(s => s.Finding.Location?.Line ?? 0))
        {
            md.Append(Row(
                s.Finding.Severity.ToLabel(),
                Code(s.Finding.RuleId, inTable: true),
                s.Finding.Location is { } l ? Code(l.ToString(), inTable: true) : "none given",
                Inline(s.Reason),
                Code(s.Source, inTable: true) + " " + Inline(s.Entry))).Append('\n');
        }
        md.Append('\n');
    }
}
