using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// A small .gitignore matcher for workspaces that are not git repositories (or when git is missing): root and nested
/// .gitignore files, '!' negation, anchored and directory-only patterns, '*', '?', '**' and character classes. The
/// last matching pattern wins, deeper files after shallower ones, as in git.
/// </summary>
internal sealed class GitIgnoreMatcher
{
    private readonly List<(string Folder, Regex Pattern, bool Negated, bool DirectoryOnly)> _rules = [];

    /// <param name="gitignoreFiles">Root-relative paths of .gitignore files with their text.</param>
    public GitIgnoreMatcher(IEnumerable<(string RelativePath, string Text)> gitignoreFiles)
    {
        foreach (var (path, text) in gitignoreFiles.OrderBy(f => f.RelativePath.Count(c => c == '/')))
        {
            var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.TrimEnd('\r').TrimEnd();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var negated = line.StartsWith('!');
                if (negated) line = line[1..];
                if (line.StartsWith("\\", StringComparison.Ordinal)) line = line[1..];
                var directoryOnly = line.EndsWith('/');
                line = line.TrimEnd('/');
                if (line.Length == 0) continue;
                var anchored = line.Contains('/');
                line = line.TrimStart('/');
                var regex = (anchored ? "^" : "^(.*/)?") + Translate(line) + "$";
                _rules.Add((folder, new Regex(regex, RegexOptions.CultureInvariant), negated, directoryOnly));
            }
        }
    }

    public bool IsIgnored(string relativePath)
    {
        var ignored = false;
        foreach (var (folder, pattern, negated, directoryOnly) in _rules)
        {
            if (folder.Length > 0 && !relativePath.StartsWith(folder + "/", StringComparison.Ordinal)) continue;
            var local = folder.Length == 0 ? relativePath : relativePath[(folder.Length + 1)..];
            if (Matches(local, pattern, directoryOnly)) ignored = !negated;
        }
        return ignored;
    }

    private static bool Matches(string path, Regex pattern, bool directoryOnly)
    {
        if (!directoryOnly && pattern.IsMatch(path)) return true;
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.IsMatch(path[..slash])) return true;
        }
        return false;
    }

    private static string Translate(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slashAfter ? "(.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                var close = glob.IndexOf(']', i + 1);
                if (close < 0) { sb.Append("\\["); continue; }
                var body = glob[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal);
                if (body.StartsWith('!')) body = "^" + body[1..];
                sb.Append('[').Append(body).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
