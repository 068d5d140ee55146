using System.Text.RegularExpressions;

namespace Muster.Agents.Mcp;

/// <summary>A status document's claim about MCP servers ("10 MCP servers configured, 5 active") at file:line.</summary>
public sealed partial record McpClaim(string Path, int Line, string Text, int? Configured, int? Active)
{
    public static McpClaim? Parse(string path, int line, string text)
    {
        if (!McpServers().IsMatch(text)) return null;
        int? configured = null, active = null;
        if (ActiveCount().Match(text) is { Success: true } a) active = int.Parse(a.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (ConfiguredCount().Match(text) is { Success: true } c) configured = int.Parse(c.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        else if (text.TrimStart().StartsWith('|'))
        {
            // Table row: | MCP Servers | 10 | 5 active | ... — the first whole-number cell is the configured count.
            var cells = text.Split('|', StringSplitOptions.TrimEntries).Where(s => s.Length > 0).ToList();
            var first = cells.Skip(1).FirstOrDefault(cell => WholeNumber().IsMatch(cell));
            if (first is not null) configured = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        return configured is null && active is null ? null : new McpClaim(path, line, text.Trim(), configured, active);
    }

    [GeneratedRegex(@"\bMCP\s+servers?\b", RegexOptions.IgnoreCase)]
    private static partial Regex McpServers();

    [GeneratedRegex(@"(\d+)\s*(?:MCP\s+)?(?:servers?\s+)?(?:active|running|working|connected|operational|live)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveCount();

    [GeneratedRegex(@"(?<n>\d+)\s+(?:(?:MCP\s+)?servers?\s+)?configured\b|(?<![\d.%])(?<n>\d+)\+?\s+MCP\s+servers?\b(?!\s+(?:active|running|working|connected|operational|live))", RegexOptions.IgnoreCase)]
    private static partial Regex ConfiguredCount();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex WholeNumber();
}
