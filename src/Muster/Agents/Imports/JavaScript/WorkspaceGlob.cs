using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>npm/yarn/pnpm workspace patterns ("packages/*", "apps/**", "!**/test/**") matched against folder paths.</summary>
internal static class WorkspaceGlob
{
    public static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        var p = pattern.Trim().TrimStart('.', '/').TrimEnd('/');
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
                if (i + 1 < p.Length && p[i + 1] == '/') i++;
            }
            else if (c == '*') builder.Append("[^/]*");
            else if (c == '?') builder.Append("[^/]");
            else builder.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Whether <paramref name="folder"/> (relative to the workspace root) is a member under <paramref name="patterns"/>.</summary>
    public static bool IsMember(string folder, IEnumerable<string> patterns)
    {
        var member = false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!')) { if (ToRegex(pattern[1..]).IsMatch(folder)) member = false; }
            else if (ToRegex(pattern).IsMatch(folder)) member = true;
        }
        return member;
    }
}
