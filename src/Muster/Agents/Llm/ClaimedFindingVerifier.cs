using System.Text;
using Muster.Model;

namespace Muster.Agents.Llm;

/// <summary>
/// Checks a model's claimed finding against the workspace: the file must exist under the root, the line must exist,
/// and the quote (whitespace-normalised) must be at that line, or within <c>line-tolerance</c> lines of it, in which
/// case the finding moves to the line where the quote really is. Anything else is a rejected claim.
/// </summary>
internal sealed partial class ClaimedFindingVerifier(ConfinedFiles files, Agents.ISecretScrubber scrubber, int lineTolerance)
{
    private const int MinQuoteChars = 4;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\d+: ")]
    private static partial System.Text.RegularExpressions.Regex LinePrefix();

    public (SourceLocation? Location, string? Rejection) Verify(ClaimedFinding claim)
    {
        string full, relative;
        try
        {
            (full, relative) = files.ResolveFile(claim.Path);
        }
        catch (ToolRefusedException e)
        {
            return (null, e.Message);
        }
        var rawLines = claim.Quote.Replace("\r", "").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        // Models sometimes copy read_file's "12: " prefixes into the quote.
        if (rawLines.Count > 0 && rawLines.All(l => LinePrefix().IsMatch(l))) rawLines = rawLines.Select(l => LinePrefix().Replace(l, "", 1)).ToList();
        var quoteLines = rawLines.Select(Normalise).Where(l => l.Length > 0).ToList();
        var quote = string.Join(' ', quoteLines);
        if (quote.Length < MinQuoteChars) return (null, $"quote '{claim.Quote}' is too short to locate");

        var lastNeeded = claim.Line + lineTolerance + quoteLines.Count;
        var lines = new List<string>();
        foreach (var line in File.ReadLines(full))
        {
            lines.Add(line);
            if (lines.Count >= lastNeeded) break;
        }
        if (claim.Line > lines.Count) return (null, $"line {claim.Line} does not exist ('{relative}' has {lines.Count} lines)");

        for (var offset = 0; offset <= lineTolerance; offset++)
        {
            foreach (var candidate in offset == 0 ? [claim.Line] : new[] { claim.Line - offset, claim.Line + offset })
            {
                if (candidate < 1 || candidate > lines.Count) continue;
                if (QuoteStartsAt(lines, candidate, quoteLines, quote)) return (new SourceLocation(relative, candidate), null);
            }
        }
        return (null, $"the quoted text is not at line {claim.Line} of '{relative}'");
    }

    /// <summary>The first quoted line is on <paramref name="line"/> and the whole quote is in the lines from there.</summary>
    private bool QuoteStartsAt(List<string> lines, int line, List<string> quoteLines, string quote)
    {
        var window = new StringBuilder();
        for (var i = line - 1; i < Math.Min(lines.Count, line - 1 + quoteLines.Count); i++) window.Append(lines[i]).Append('\n');
        // The model saw the scrubbed text, so a quote of a line holding a secret carries the redacted form.
        foreach (var text in new[] { window.ToString(), scrubber.Scrub(window.ToString()) })
        {
            var firstLine = Normalise(text.Split('\n')[0]);
            if (firstLine.Contains(quoteLines[0], StringComparison.Ordinal)
                && Normalise(text.Replace('\n', ' ')).Contains(quote, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
