namespace Muster.Formats.Packages.Versions;

/// <summary>
/// The ordering key of pre-PEP 440 ("legacy") Python versions: the string is split into digit runs, letter runs and
/// separators; numbers are zero-padded to compare numerically, words are prefixed with '*', some words are renamed so
/// pre-releases sort before finals, and trailing zero runs are dropped before each word.
/// </summary>
internal static class LegacyVersionKey
{
    public static string[] Compute(string version)
    {
        var parts = new List<string>();
        foreach (var raw in Split(version.ToLowerInvariant()).Append("*final"))
        {
            var part = raw;
            if (part.StartsWith('*'))
            {
                if (string.CompareOrdinal(part, "*final") < 0)
                {
                    while (parts.Count > 0 && parts[^1] == "*final-") parts.RemoveAt(parts.Count - 1);
                }
                while (parts.Count > 0 && parts[^1] == "00000000") parts.RemoveAt(parts.Count - 1);
            }
            parts.Add(part);
        }
        return [.. parts];
    }

    private static IEnumerable<string> Split(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            string token;
            if (char.IsAsciiDigit(s[i]))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                token = s[start..i];
                yield return token.PadLeft(8, '0');
                continue;
            }
            if (char.IsAsciiLetterLower(s[i]))
            {
                while (i < s.Length && char.IsAsciiLetterLower(s[i])) i++;
            }
            else if (s[i] is '.' or '-')
            {
                i++;
            }
            else
            {
                while (i < s.Length && !char.IsAsciiDigit(s[i]) && !char.IsAsciiLetterLower(s[i]) && s[i] is not ('.' or '-')) i++;
            }
            token = s[start..i] switch
            {
                "pre" or "preview" or "rc" => "c",
                "-" => "final-",
                "dev" => "@",
                var t => t,
            };
            if (token == ".") continue;
            yield return "*" + token;
        }
    }
}
