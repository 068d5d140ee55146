using System.Globalization;
using System.Text.RegularExpressions;

namespace Muster.Agents.AgentDefinitions;

/// <summary>
/// A status document's count of agents ("14 L1 agents", "21+ agents deployed", "| Agents Deployed | 21+ |"), with the
/// qualifier between number and "agents" (L1, Elite, BMAD) when there is one.
/// </summary>
internal sealed partial record AgentCountClaim(string Path, int Line, string Text, int Count, bool AtLeast, string? Qualifier)
{
    public static IEnumerable<AgentCountClaim> Parse(string path, int line, string text)
    {
        var found = false;
        foreach (Match m in Inline().Matches(text))
        {
            found = true;
            yield return Make(path, line, text, m.Groups["n"].Value, m.Groups["plus"].Success, m.Groups["q"].Success ? m.Groups["q"].Value.Trim() : null);
        }
        if (found || !text.TrimStart().StartsWith('|')) yield break;
        var cells = text.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToList();
        // The label must say "agents" in prose: `agents.Runner` in code or a [link][agents.x] target names an API.
        if (cells.Count < 2 || !AgentsLabel().IsMatch(CodeAndLinkTargets().Replace(cells[0], " "))) yield break;
        if (LeadingCount().Match(cells[1]) is { Success: true } count)
        {
            yield return Make(path, line, text, count.Groups["n"].Value, count.Groups["plus"].Success, null);
        }
    }

    private static AgentCountClaim Make(string path, int line, string text, string number, bool plus, string? qualifier) =>
        new(path, line, text.Trim(), int.Parse(number.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), plus,
            qualifier is { Length: > 0 } q && !q.Equals("total", StringComparison.OrdinalIgnoreCase) ? q : null);

    [GeneratedRegex(@"(?<![\d\-.])(?<n>\d{1,3}(?:,\d{3})*|\d+)(?<plus>\+)?\s+(?<q>(?:[A-Z][\w]*\s+){0,2})?(?i:agents?)\b(?!-)", RegexOptions.None)]
    private static partial Regex Inline();

    [GeneratedRegex(@"\bagents?\b(?![._]\w)", RegexOptions.IgnoreCase)]
    private static partial Regex AgentsLabel();

    // `code spans`, [text][reference] and [text](target) link targets
    [GeneratedRegex(@"`[^`]*`|\]\[[^\]]*\]|\]\([^)]*\)")]
    private static partial Regex CodeAndLinkTargets();

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:,\d{3})*|\d+)(?<plus>\+)?(?!\s*%)")]
    private static partial Regex LeadingCount();
}
