namespace Muster.Formats.Compose;

/// <summary>
/// One <c>$</c> expression of a compose value, as the compose spec reads it: the <c>$$</c> escape (<see cref="Name"/>
/// null), <c>$NAME</c>, <c>${NAME}</c>, or <c>${NAME[:]OP WORD}</c> with OP one of <c>-</c> (default), <c>+</c>
/// (alternative) and <c>?</c> (error when missing). <see cref="End"/> is the offset just after it.
/// </summary>
internal readonly record struct ComposeExpression(int End, string? Name, char Operator, bool Colon, string Word, int WordStart)
{
    /// <summary>The expression at <paramref name="dollar"/> (a <c>$</c> in <paramref name="text"/>), or null and why not.</summary>
    public static ComposeExpression? Read(string text, int dollar, out string? why)
    {
        why = null;
        if (dollar + 1 >= text.Length)
        {
            why = "a '$' at the end";
            return null;
        }
        var next = text[dollar + 1];
        if (next == '$') return new ComposeExpression(dollar + 2, null, '\0', false, "", 0);
        if (IsNameStart(next))
        {
            var end = dollar + 1;
            while (end < text.Length && IsNamePart(text[end])) end++;
            return new ComposeExpression(end, text[(dollar + 1)..end], '\0', false, "", 0);
        }
        if (next != '{')
        {
            why = $"'${next}'";
            return null;
        }
        var close = MatchingBrace(text, dollar + 1);
        if (close < 0)
        {
            why = "an unclosed '${'";
            return null;
        }
        var body = text[(dollar + 2)..close];
        var nameEnd = 0;
        while (nameEnd < body.Length && (nameEnd == 0 ? IsNameStart(body[nameEnd]) : IsNamePart(body[nameEnd]))) nameEnd++;
        var rest = body[nameEnd..];
        var colon = rest.StartsWith(':');
        var op = rest.Length == 0 ? '\0' : colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        if (nameEnd == 0 || (rest.Length > 0 && op is not ('-' or '+' or '?')))
        {
            why = $"'${{{body}}}'";
            return null;
        }
        var wordStart = dollar + 2 + nameEnd + (rest.Length == 0 ? 0 : colon ? 2 : 1);
        return new ComposeExpression(close + 1, body[..nameEnd], op, colon, text[wordStart..close], wordStart);
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

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsNamePart(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);
}
