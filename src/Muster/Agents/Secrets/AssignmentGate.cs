namespace Muster.Agents.Secrets;

/// <summary>
/// A cheap test run before a generic rule's regex: after the keyword, does the key name end in an assignment
/// (<c>:</c>, <c>=</c>, a table <c>|</c>, or the word "is") on the same line? Code that merely mentions a keyword
/// (<c>CancellationToken token)</c>) is rejected without running the regex.
/// </summary>
internal static class AssignmentGate
{
    private const int Reach = 40;

    /// <summary>
    /// True when the value starting at <paramref name="valueStart"/> (from <see cref="ValueStart"/>) is a reference, not
    /// a value: <c>password: ${DB_PASSWORD}</c>, <c>$(cat f)</c>, <c>{{ .Values.password }}</c>. The regex would match
    /// it only for the classifier to call it a placeholder.
    /// </summary>
    public static bool IsReference(ReadOnlySpan<char> text, int valueStart)
    {
        var value = text[valueStart..].TrimStart(" \t\"'`*_");
        return value.StartsWith("${") || value.StartsWith("$(") || value.StartsWith("{{");
    }

    /// <summary>Where the assigned value may start (just after the operator), or -1 when no assignment follows.</summary>
    public static int ValueStart(ReadOnlySpan<char> text, int afterKeyword)
    {
        // Keywords that end in the assignment ("pw:", "pass=") or in " is" have it already.
        if (afterKeyword > 0 && text[afterKeyword - 1] is ':' or '=' or '|') return afterKeyword;
        if (afterKeyword >= 3 && text[(afterKeyword - 3)..afterKeyword].SequenceEqual(" is")) return afterKeyword;
        var end = Math.Min(text.Length, afterKeyword + Reach);
        for (var i = afterKeyword; i < end; i++)
        {
            var c = text[i];
            if (c is ':' or '=' or '|') return i + 1 < text.Length && text[i + 1] is '=' or '>' ? i + 2 : i + 1;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ' ' or '\t' or '(' or ')' or '*' or '`' or '"' or '\'')
            {
                if (c == ' ' && i + 3 < text.Length && text[i + 1] == 'i' && text[i + 2] == 's' && text[i + 3] == ' ') return i + 3;
                continue;
            }
            return -1;
        }
        return -1;
    }
}
