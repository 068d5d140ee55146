using System.Text;

namespace Muster.Formats.Compose;

/// <summary>
/// Compose variable interpolation: <c>$$</c>, <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?error}</c>, <c>${VAR?error}</c>, <c>${VAR:+alt}</c>, <c>${VAR+alt}</c>; defaults and alternatives may
/// themselves hold interpolations. The colon forms treat an empty value like an unset one.
/// </summary>
internal sealed class ComposeInterpolator(Func<string, string?> lookup)
{
    public List<ComposeDiagnostic> Diagnostics { get; } = [];

    public string Interpolate(string text, ComposePosition position)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return text;
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$') { output.Append(c); i++; continue; }
            if (i + 1 >= text.Length) throw Invalid(text, position, "a '$' at the end");
            var next = text[i + 1];
            if (next == '$') { output.Append('$'); i += 2; continue; }
            if (IsNameStart(next))
            {
                var end = i + 1;
                while (end < text.Length && IsNamePart(text[end])) end++;
                output.Append(Resolve(text[(i + 1)..end], position));
                i = end;
                continue;
            }
            if (next != '{') throw Invalid(text, position, $"'${next}'");
            var close = MatchingBrace(text, i + 1);
            if (close < 0) throw Invalid(text, position, "an unclosed '${'");
            output.Append(Braced(text[(i + 2)..close], text, position));
            i = close + 1;
        }
        return output.ToString();
    }

    private string Braced(string body, string whole, ComposePosition position)
    {
        var nameEnd = 0;
        while (nameEnd < body.Length && (nameEnd == 0 ? IsNameStart(body[nameEnd]) : IsNamePart(body[nameEnd]))) nameEnd++;
        if (nameEnd == 0) throw Invalid(whole, position, $"'${{{body}}}'");
        var name = body[..nameEnd];
        var rest = body[nameEnd..];
        if (rest.Length == 0) return Resolve(name, position);
        var value = lookup(name);
        var colon = rest[0] == ':';
        var op = colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        var word = rest[(colon ? 2 : 1)..];
        var missing = colon ? string.IsNullOrEmpty(value) : value is null;
        switch (op)
        {
            case '-':
                return missing ? Interpolate(word, position) : value!;
            case '+':
                return missing ? "" : Interpolate(word, position);
            case '?':
                if (!missing) return value!;
                var reason = Interpolate(word, position);
                throw new ComposeFormatException("interpolation-required",
                    $"required variable {name} is missing a value{(reason.Length > 0 ? ": " + reason : "")}",
                    $"set {name} in the .env file beside the compose file or in the environment", position);
            default:
                throw Invalid(whole, position, $"'${{{body}}}'");
        }
    }

    private string Resolve(string name, ComposePosition position)
    {
        var value = lookup(name);
        if (value is not null) return value;
        Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Warning, "interpolation-unset",
            $"variable {name} is not set; it becomes an empty string",
            $"set {name} in the .env file beside the compose file, or give a default with ${{{name}:-value}}", position));
        return "";
    }

    private static int MatchingBrace(string text, int openIndex)
    {
        var depth = 0;
        for (var i = openIndex; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static ComposeFormatException Invalid(string text, ComposePosition position, string what) =>
        new("interpolation-invalid", $"invalid interpolation format in \"{text}\": {what}",
            "write ${NAME}, ${NAME:-default} or similar; write '$$' for a literal '$'", position);

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsNamePart(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);
}
