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
            var expression = ComposeExpression.Read(text, i, out var why) ?? throw Invalid(text, position, why!);
            output.Append(Evaluate(expression, position));
            i = expression.End;
        }
        return output.ToString();
    }

    /// <summary>
    /// The variables <paramref name="text"/> refers to, read as <see cref="Interpolate"/> reads it, with the offset of
    /// each one's <c>$</c>. A reference is required when the value needs that variable whatever else is set: it has no
    /// default or alternative of its own (<c>${X}</c>, <c>$X</c>, <c>${X:?error}</c>) and is not inside another
    /// variable's default, alternative or error text. A malformed expression is skipped: compose rejects it, which is
    /// another check's finding.
    /// </summary>
    public static IEnumerable<ComposeVariableUse> References(string text) => References(text, 0, nested: false);

    private static IEnumerable<ComposeVariableUse> References(string text, int shift, bool nested)
    {
        var i = text.IndexOf('$', StringComparison.Ordinal);
        while (i >= 0)
        {
            if (ComposeExpression.Read(text, i, out _) is not { } expression)
            {
                i = text.IndexOf('$', i + 1);
                continue;
            }
            if (expression.Name is { } name)
            {
                yield return new ComposeVariableUse(name, !nested && expression.Operator is '\0' or '?', shift + i);
                foreach (var inner in References(expression.Word, shift + expression.WordStart, nested: true)) yield return inner;
            }
            i = expression.End < text.Length ? text.IndexOf('$', expression.End) : -1;
        }
    }

    private string Evaluate(ComposeExpression expression, ComposePosition position)
    {
        if (expression.Name is not { } name) return "$";
        if (expression.Operator == '\0') return Resolve(name, position);
        var value = lookup(name);
        var missing = expression.Colon ? string.IsNullOrEmpty(value) : value is null;
        switch (expression.Operator)
        {
            case '-':
                return missing ? Interpolate(expression.Word, position) : value!;
            case '+':
                return missing ? "" : Interpolate(expression.Word, position);
            default:
                if (!missing) return value!;
                var reason = Interpolate(expression.Word, position);
                throw new ComposeFormatException("interpolation-required",
                    $"required variable {name} is missing a value{(reason.Length > 0 ? ": " + reason : "")}",
                    $"set {name} in the .env file beside the compose file or in the environment", position);
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

    private static ComposeFormatException Invalid(string text, ComposePosition position, string what) =>
        new("interpolation-invalid", $"invalid interpolation format in \"{text}\": {what}",
            "write ${NAME}, ${NAME:-default} or similar; write '$$' for a literal '$'", position);
}
