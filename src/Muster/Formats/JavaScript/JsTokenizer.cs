using System.Text;

namespace Muster.Formats.JavaScript;

/// <summary>
/// Tokenizes JavaScript/TypeScript enough to find module references: comments are dropped; strings, template
/// literals (whose <c>${...}</c> parts are tokenized as code) and regular-expression literals are consumed whole so
/// their text is never read as code. A '/' starts a regex where an expression may begin (after an operator, an
/// opening bracket or a keyword such as <c>return</c>), the usual heuristic. Quoted strings end at a line break, which
/// also bounds the damage of JSX text such as <c>&lt;p&gt;Don't&lt;/p&gt;</c>.
/// </summary>
internal static class JsTokenizer
{
    private static readonly HashSet<string> RegexAfterKeywords = new(StringComparer.Ordinal)
    {
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    };

    public static List<JsToken> Tokenize(string source)
    {
        var tokens = new List<JsToken>();
        var braces = new Stack<bool>(); // true: this '{' opened a template substitution
        var i = 0;
        var line = 1;
        var lineStart = 0;
        if (source.StartsWith("#!", StringComparison.Ordinal)) while (i < source.Length && source[i] != '\n') i++;

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
                while (i < source.Length && !(source[i] == '*' && i + 1 < source.Length && source[i + 1] == '/'))
                {
                    if (source[i] == '\n') { line++; lineStart = i + 1; }
                    i++;
                }
                i = Math.Min(i + 2, source.Length);
                continue;
            }
            if (c is '\'' or '"')
            {
                var (value, end) = ReadQuoted(source, i, ref line, ref lineStart);
                tokens.Add(new JsToken(JsTokenKind.String, value, line, column));
                i = end;
                continue;
            }
            if (c == '`' || (c == '}' && braces.Count > 0 && braces.Peek()))
            {
                if (c == '}') braces.Pop();
                var startLine = line;
                i = ReadTemplateChunk(source, i + 1, ref line, ref lineStart, out var opensSubstitution);
                if (opensSubstitution) braces.Push(true);
                if (c == '`') tokens.Add(new JsToken(JsTokenKind.Template, "`", startLine, column));
                continue;
            }
            if (char.IsLetter(c) || c is '_' or '$' || c > 127)
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$' || source[i] > 127)) i++;
                tokens.Add(new JsToken(JsTokenKind.Name, source[start..i], line, column));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < source.Length && char.IsDigit(source[i + 1])))
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '.' or '_')) i++;
                tokens.Add(new JsToken(JsTokenKind.Number, source[start..i], line, column));
                continue;
            }
            if (c == '/' && RegexAllowed(tokens) && TryReadRegex(source, i, out var regexEnd))
            {
                tokens.Add(new JsToken(JsTokenKind.Regex, source[i..regexEnd], line, column));
                i = regexEnd;
                continue;
            }
            if (c == '{') braces.Push(false);
            else if (c == '}' && braces.Count > 0) braces.Pop();
            if (c == '?' && i + 1 < source.Length && source[i + 1] == '.' && !(i + 2 < source.Length && char.IsDigit(source[i + 2])))
            {
                tokens.Add(new JsToken(JsTokenKind.Punctuator, "?.", line, column));
                i += 2;
                continue;
            }
            tokens.Add(new JsToken(JsTokenKind.Punctuator, c.ToString(), line, column));
            i++;
        }
        return tokens;
    }

    private static bool RegexAllowed(List<JsToken> tokens)
    {
        if (tokens.Count == 0) return true;
        var previous = tokens[^1];
        return previous.Kind switch
        {
            JsTokenKind.Punctuator => previous.Text is not (")" or "]" or "}"),
            JsTokenKind.Name => RegexAfterKeywords.Contains(previous.Text),
            _ => false,
        };
    }

    /// <summary>A regex literal ends on its line; a '/' with no closing '/' before the line break is division.</summary>
    private static bool TryReadRegex(string source, int start, out int end)
    {
        var i = start + 1;
        var inClass = false;
        while (i < source.Length && source[i] != '\n')
        {
            var c = source[i];
            if (c == '\\') { i += 2; continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < source.Length && char.IsLetter(source[i])) i++;
                end = i;
                return true;
            }
            i++;
        }
        end = start;
        return false;
    }

    private static (string Value, int End) ReadQuoted(string source, int start, ref int line, ref int lineStart)
    {
        var quote = source[start];
        var value = new StringBuilder();
        var i = start + 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == quote) return (value.ToString(), i + 1);
            if (c == '\n') return (value.ToString(), i); // unterminated: ends at the line break
            if (c == '\\' && i + 1 < source.Length)
            {
                var next = source[i + 1];
                if (next == '\n') { line++; lineStart = i + 2; }
                else if (next != '\r') value.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        return (value.ToString(), i);
    }

    /// <summary>Reads template text from <paramref name="i"/> to the closing backtick or to a <c>${</c>.</summary>
    private static int ReadTemplateChunk(string source, int i, ref int line, ref int lineStart, out bool opensSubstitution)
    {
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\') { i += 2; continue; }
            if (c == '\n') { line++; lineStart = i + 1; }
            if (c == '`') { opensSubstitution = false; return i + 1; }
            if (c == '$' && i + 1 < source.Length && source[i + 1] == '{') { opensSubstitution = true; return i + 2; }
            i++;
        }
        opensSubstitution = false;
        return i;
    }
}
