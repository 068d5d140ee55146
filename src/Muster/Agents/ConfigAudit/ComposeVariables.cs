using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>Finds <c>${VAR}</c>, <c>${VAR:-d}</c>, <c>${VAR:?e}</c>, <c>$VAR</c> uses in compose text (not <c>$$</c> escapes, not comments).</summary>
internal static partial class ComposeVariables
{
    public static IEnumerable<ComposeVariableReference> Find(string composePath, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith('#')) continue;
            foreach (Match m in Reference().Matches(line))
            {
                var op = m.Groups["op"].Value;
                var required = op.Length == 0 || op.EndsWith('?');
                yield return new ComposeVariableReference(composePath, m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value,
                    i + 1, m.Index + 1, required);
            }
        }
    }

    [GeneratedRegex(@"(?<!\$)\$(\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-?+=])?|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Reference();
}
