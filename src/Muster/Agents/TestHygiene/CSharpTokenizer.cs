namespace Muster.Agents.TestHygiene;

/// <summary>
/// Just enough C# lexing for attributes: comments, regular/verbatim/interpolated/raw string literals and character
/// literals are skipped (strings become a single <c>"</c> token), so an attribute in a comment or a string never counts.
/// </summary>
internal static class CSharpTokenizer
{
    internal readonly record struct Token(string Text, bool IsName, int Line, int Column);

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n') { i++; line++; lineStart = i; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var column = i - lineStart + 1;
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/') { while (i < source.Length && source[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                i += 2;
                while (i < source.Length && !(source[i] == '*' && i + 1 < source.Length && source[i + 1] == '/')) { if (source[i] == '\n') { line++; lineStart = i + 1; } i++; }
                i = Math.Min(i + 2, source.Length);
                continue;
            }
            var prefixEnd = i;
            while (prefixEnd < source.Length && source[prefixEnd] is '$' or '@') prefixEnd++;
            if (prefixEnd < source.Length && source[prefixEnd] == '"' && (prefixEnd > i || c == '"'))
            {
                var verbatim = source[i..prefixEnd].Contains('@');
                i = SkipString(source, prefixEnd, verbatim, ref line, ref lineStart);
                tokens.Add(new Token("\"", false, line, column));
                continue;
            }
            if (c == '\'')
            {
                i++;
                while (i < source.Length && source[i] != '\'' && source[i] != '\n') i += source[i] == '\\' ? 2 : 1;
                i++;
                tokens.Add(new Token("'", false, line, column));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')) i++;
                tokens.Add(new Token(source[start..i], true, line, column));
                continue;
            }
            tokens.Add(new Token(c.ToString(), false, line, column));
            i++;
        }
        return tokens;
    }

    private static int SkipString(string source, int quoteAt, bool verbatim, ref int line, ref int lineStart)
    {
        var quotes = 0;
        while (quoteAt + quotes < source.Length && source[quoteAt + quotes] == '"') quotes++;
        if (quotes >= 3)
        {
            // raw string literal: ends at the same number of quotes
            var closing = new string('"', quotes);
            var end = source.IndexOf(closing, quoteAt + quotes, StringComparison.Ordinal);
            end = end < 0 ? source.Length : end + quotes;
            CountLines(source, quoteAt, end, ref line, ref lineStart);
            return end;
        }
        if (quotes == 2) return quoteAt + 2; // empty string
        var i = quoteAt + 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                if (!verbatim) return i;
                line++;
                lineStart = i + 1;
            }
            if (!verbatim && c == '\\') { i += 2; continue; }
            if (c == '"')
            {
                if (verbatim && i + 1 < source.Length && source[i + 1] == '"') { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static void CountLines(string source, int from, int to, ref int line, ref int lineStart)
    {
        for (var k = from; k < to && k < source.Length; k++)
        {
            if (source[k] == '\n') { line++; lineStart = k + 1; }
        }
    }
}
