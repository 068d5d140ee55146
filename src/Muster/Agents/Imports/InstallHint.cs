using System.Text.RegularExpressions;

namespace Muster.Agents.Imports;

/// <summary>
/// Whether a file tells its reader to install a package before running it ("install redis first", "$ npm install
/// redis online", "pip install strawberry-graphql"): an example that says so documents its dependency.
/// </summary>
internal static partial class InstallHint
{
    public static bool Mentions(string source, IEnumerable<string> names)
    {
        var wanted = names.Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return false;
        foreach (Match line in InstallLine().Matches(source))
        {
            foreach (var name in wanted)
            {
                var index = line.Value.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                while (index >= 0)
                {
                    var end = index + name.Length;
                    var before = index == 0 ? ' ' : line.Value[index - 1];
                    var after = end >= line.Value.Length ? ' ' : line.Value[end];
                    if (!IsNameChar(before) && !IsNameChar(after)) return true;
                    index = line.Value.IndexOf(name, end, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '@' or '/';

    [GeneratedRegex(@"^.*(?:\b(?:install|installed|requires|required)\b|\b(?:uv|poetry|npm|pnpm|yarn|bun)\s+add\b).*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstallLine();
}
