using System.Text;

namespace Muster.Reports.Markdown;

/// <summary>Makes arbitrary text (agent messages, errors, paths) safe to place in Markdown without changing its meaning.</summary>
internal static class MarkdownText
{
    // Characters that start emphasis, links, code, HTML or table cells anywhere in a line.
    private const string Special = "\\`*_[]<>|~&";

    /// <summary>Inline text on one line: Markdown punctuation backslash-escaped, line breaks as &lt;br&gt;.</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        var lines = SplitLines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) builder.Append("<br>");
            var line = lines[i];
            for (var c = 0; c < line.Length; c++)
            {
                var ch = line[c];
                // A '#' or '-'/'+'/'=' at the start of the text could make a heading, a list or a rule.
                if (Special.Contains(ch) || (c == 0 && ch is '#' or '-' or '+' or '=')) builder.Append('\\');
                builder.Append(ch);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text in a code span, fenced with more backticks than it contains; line breaks become spaces. In a table cell
    /// pipes are escaped even inside the span: GitHub splits cells on every unescaped '|' and drops the backslash.
    /// </summary>
    public static string Code(string? text, bool inTable = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var flat = string.Join(' ', SplitLines(text));
        if (inTable) flat = flat.Replace("|", "\\|", StringComparison.Ordinal);
        var fence = new string('`', LongestBacktickRun(flat) + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') || (flat.StartsWith(' ') && flat.EndsWith(' ')) ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    /// <summary>A table row from cells that are already Markdown (Inline or Code with inTable).</summary>
    public static string Row(params string[] cells) =>
        "| " + string.Join(" | ", cells.Select(c => c.Length == 0 ? " " : c)) + " |";

    private static List<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
