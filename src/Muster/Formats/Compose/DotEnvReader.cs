namespace Muster.Formats.Compose;

/// <summary>
/// Reads a <c>.env</c> file the way compose does: <c>KEY=VALUE</c> lines, optional <c>export</c>, <c>#</c> comments,
/// single quotes literal, double quotes with escapes, unquoted values trimmed and cut at a <c> #</c> comment.
/// </summary>
internal static class DotEnvReader
{
    public static IReadOnlyList<(string Key, string Value, int Line)> Parse(string text)
    {
        var result = new List<(string, string, int)>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var key = line[..eq].Trim();
            var raw = line[(eq + 1)..].Trim();
            string value;
            if (raw.Length >= 2 && raw[0] == '\'' && raw.IndexOf('\'', 1) is var endSingle and > 0)
            {
                value = raw[1..endSingle];
            }
            else if (raw.Length >= 2 && raw[0] == '"' && ClosingQuote(raw) is var endDouble and > 0)
            {
                value = raw[1..endDouble].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)
                    .Replace("\\\\", "\\", StringComparison.Ordinal);
            }
            else
            {
                var comment = raw.IndexOf(" #", StringComparison.Ordinal);
                value = (comment >= 0 ? raw[..comment] : raw).Trim();
            }
            result.Add((key, value, i + 1));
        }
        return result;
    }

    private static int ClosingQuote(string raw)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] == '\\') { i++; continue; }
            if (raw[i] == '"') return i;
        }
        return -1;
    }
}
