using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Gaps;

/// <summary>
/// A gitignore-style path pattern as CODEOWNERS uses it: '*' within a segment, '**' across segments, '?' one
/// character; a leading '/' or any inner '/' anchors it at the root, otherwise it matches at any depth; a pattern
/// matching a directory owns everything beneath it.
/// </summary>
internal sealed class PathPattern
{
    private readonly Regex _regex;

    private PathPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public static PathPattern Parse(string pattern)
    {
        var text = pattern.Trim();
        var body = text.TrimEnd('/');
        var anchored = body.StartsWith('/') || body.TrimStart('/').Contains('/', StringComparison.Ordinal);
        body = body.TrimStart('/');
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            if (ch == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                var slashAfter = i + 2 < body.Length && body[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (ch == '*') regex.Append("[^/]*");
            else if (ch == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(ch.ToString()));
        }
        // Matching a directory owns its contents; "docs/" (trailing slash) only ever names a directory.
        regex.Append(text.EndsWith('/') ? "/.*$" : "(?:/.*)?$");
        return new PathPattern(text, new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>True when the root-relative path ('/' separators) is matched by this pattern.</summary>
    public bool Matches(string relativePath) => _regex.IsMatch(relativePath.TrimStart('/'));
}
