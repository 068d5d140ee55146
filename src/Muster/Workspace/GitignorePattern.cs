using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Workspace;

/// <summary>One line of a .gitignore, compiled to a regular expression over paths relative to its folder.</summary>
internal sealed class GitignorePattern
{
    private readonly string _baseDirectory;
    private readonly Regex _regex;
    private readonly bool _matchBasename;
    private readonly bool _directoryOnly;

    private GitignorePattern(string baseDirectory, Regex regex, bool matchBasename, bool directoryOnly, bool negated)
    {
        _baseDirectory = baseDirectory;
        _regex = regex;
        _matchBasename = matchBasename;
        _directoryOnly = directoryOnly;
        Negated = negated;
    }

    public bool Negated { get; }

    public static bool TryParse(string baseDirectory, string line, out GitignorePattern pattern)
    {
        pattern = null!;
        var text = TrimUnescapedTrailingSpaces(line);
        if (text.Length == 0 || text[0] == '#') return false;
        var negated = false;
        if (text[0] == '!') { negated = true; text = text[1..]; }
        else if (text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal)) text = text[1..];
        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.Length == 0) return false;
        var anchored = text.Contains('/');
        text = text.TrimStart('/');
        var regex = new Regex("^" + GlobToRegex(text) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        pattern = new GitignorePattern(baseDirectory, regex, !anchored, directoryOnly, negated);
        return true;
    }

    public bool Matches(string path, bool isDirectory)
    {
        if (_directoryOnly && !isDirectory) return false;
        string local;
        if (_baseDirectory.Length == 0) local = path;
        else if (path.Length > _baseDirectory.Length && path.StartsWith(_baseDirectory, StringComparison.Ordinal) && path[_baseDirectory.Length] == '/')
            local = path[(_baseDirectory.Length + 1)..];
        else return false;
        if (_matchBasename)
        {
            var slash = local.LastIndexOf('/');
            return _regex.IsMatch(slash < 0 ? local : local[(slash + 1)..]);
        }
        return _regex.IsMatch(local);
    }

    private static string TrimUnescapedTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\')) end--;
        return line[..end];
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var atStart = i == 0 || glob[i - 1] == '/';
                    var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                    var atEnd = i + 2 == glob.Length;
                    if (atStart && slashAfter) { sb.Append("(?:.*/)?"); i += 2; }
                    else if (atStart && atEnd) { sb.Append(".*"); i += 1; }
                    else { sb.Append("[^/]*"); i += 1; }
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 2);
                    if (close < 0) { sb.Append("\\["); break; }
                    var body = glob[(i + 1)..close];
                    if (body.StartsWith('!')) body = "^" + body[1..];
                    sb.Append('[').Append(body.Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return sb.ToString();
    }
}
