using System.Text.RegularExpressions;
using Muster.Formats.Packages.Versions;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// One PEP 508 requirement: <c>name[extra,...] (specifiers) ; marker</c> or <c>name @ url ; marker</c>. The specifier
/// is kept as written; <see cref="ExactVersion"/> is set only for a single <c>==</c> pin.
/// </summary>
internal sealed partial record Pep508Requirement(string Name, IReadOnlyList<string> Extras, string? Specifier, string? Url, string? Marker)
{
    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<rest>.*)$")]
    private static partial Regex Shape();

    public string? ExactVersion =>
        Specifier is { Length: > 0 } s && Pep440VersionScheme.Instance.TryParseRange(s, out var range, out _) ? range.ExactVersion : null;

    public static bool TryParse(string text, out Pep508Requirement requirement, out string error)
    {
        requirement = null!;
        error = "";
        var m = Shape().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text.Trim()}' is not a requirement (PEP 508)";
            return false;
        }
        var extras = m.Groups["extras"].Success
            ? m.Groups["extras"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        var rest = m.Groups["rest"].Value.Trim();
        string? marker = null;
        string? url = null;
        if (rest.StartsWith('@'))
        {
            // In "name @ url ; marker" the marker needs whitespace before ';' (a URL may contain ';').
            var semi = rest.IndexOf(" ;", StringComparison.Ordinal);
            url = (semi < 0 ? rest[1..] : rest[1..semi]).Trim();
            if (semi >= 0) marker = rest[(semi + 2)..].Trim();
            requirement = new Pep508Requirement(m.Groups["name"].Value, extras, null, url, marker);
            return true;
        }
        var semicolon = rest.IndexOf(';');
        if (semicolon >= 0)
        {
            marker = rest[(semicolon + 1)..].Trim();
            rest = rest[..semicolon].Trim();
        }
        if (rest.StartsWith('(') && rest.EndsWith(')')) rest = rest[1..^1].Trim();
        if (rest.Length > 0 && !Pep440VersionScheme.Instance.TryParseRange(rest, out _, out error))
        {
            error = $"'{text.Trim()}': {error}";
            return false;
        }
        requirement = new Pep508Requirement(m.Groups["name"].Value, extras, rest.Length == 0 ? null : rest, url, marker);
        return true;
    }
}
