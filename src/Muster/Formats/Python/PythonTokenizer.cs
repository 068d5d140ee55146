namespace Muster.Formats.Python;

/// <summary>
/// Splits Python source into logical lines of tokens. Strings of every prefix (r, b, u, f, t and their pairs),
/// triple-quoted strings and f-string replacement fields (with nested strings, 3.12 style) are consumed whole, and
/// comments are dropped, so text inside them is never seen as code. Open brackets and backslash continuations join
/// physical lines. Malformed input (an unterminated string) never throws: the string ends at the end of its line.
/// </summary>
internal static class PythonTokenizer
{
    private static readonly HashSet<string> StringPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt",
    };

    public static IReadOnlyList<PythonLogicalLine> Tokenize(string source)
    {
        var state = new State(source);
        state.Run();
        return state.Lines;
    }

    /// <summary>The literal's content without prefix and quotes; escapes are left as written.</summary>
    public static string StringValue(string literal)
    {
        var start = 0;
        while (start < literal.Length && literal[start] is not ('\'' or '"')) start++;
        if (start >= literal.Length) return "";
        var quote = literal[start];
        var triple = start + 2 < literal.Length && literal[start + 1] == quote && literal[start + 2] == quote;
        var width = triple ? 3 : 1;
        var end = literal.Length;
        if (end - start >= 2 * width && literal[end - 1] == quote) end -= width;
        return start + width <= end ? literal[(start + width)..end] : "";
    }

    private sealed class State(string source)
    {
        private readonly List<PythonToken> _current = [];
        private int _i;
        private int _line = 1;
        private int _lineStart;
        private int _depth;

        public List<PythonLogicalLine> Lines { get; } = [];

        public void Run()
        {
            while (_i < source.Length)
            {
                var c = source[_i];
                if (c == '\n') { NewLine(); if (_depth == 0) Flush(); continue; }
                if (c is ' ' or '\t' or '\r' or '\f') { _i++; continue; }
                if (c == '#') { SkipComment(); continue; }
                if (c == '\\' && IsNewlineAt(_i + 1)) { _i++; if (source[_i] == '\r') _i++; NewLine(); continue; }
                if (c is '\'' or '"') { ReadString(_i); continue; }
                if (char.IsLetter(c) || c == '_') { ReadNameOrPrefixedString(); continue; }
                if (char.IsDigit(c) || (c == '.' && _i + 1 < source.Length && char.IsDigit(source[_i + 1]))) { ReadNumber(); continue; }
                ReadOperator();
            }
            Flush();
        }

        private bool IsNewlineAt(int index) =>
            index < source.Length && (source[index] == '\n' || (source[index] == '\r' && index + 1 < source.Length && source[index + 1] == '\n'));

        private void NewLine()
        {
            _i++;
            _line++;
            _lineStart = _i;
        }

        private void Flush()
        {
            if (_current.Count == 0) return;
            var first = _current[0];
            Lines.Add(new PythonLogicalLine(first.Column - 1, _current.ToArray()));
            _current.Clear();
        }

        private void Add(PythonTokenKind kind, string text, int line, int column) =>
            _current.Add(new PythonToken(kind, text, line, column));

        /// <summary>Column of <paramref name="index"/> on the current line, tabs expanded to multiples of 8.</summary>
        /// <remarks>
        /// Carries on from the last token's column when it is on the same line: counting from the line start for every
        /// token made a 400,000-token line quadratic (minutes for one hostile file).
        /// </remarks>
        private int ColumnOf(int index, int lineStart)
        {
            var (k, column) = lineStart == _columnLineStart && index >= _columnIndex ? (_columnIndex, _column) : (lineStart, 0);
            for (; k < index; k++) column = source[k] == '\t' ? (column / 8 + 1) * 8 : column + 1;
            (_columnLineStart, _columnIndex, _column) = (lineStart, index, column);
            return column + 1;
        }

        private int _columnLineStart = -1;
        private int _columnIndex;
        private int _column;

        private void SkipComment()
        {
            while (_i < source.Length && source[_i] != '\n') _i++;
        }

        private void ReadNameOrPrefixedString()
        {
            var start = _i;
            while (_i < source.Length && (char.IsLetterOrDigit(source[_i]) || source[_i] == '_')) _i++;
            var word = source[start.._i];
            if (_i < source.Length && source[_i] is '\'' or '"' && StringPrefixes.Contains(word))
            {
                _i = start;
                ReadString(start + word.Length);
                return;
            }
            Add(PythonTokenKind.Name, word, _line, ColumnOf(start, _lineStart));
        }

        private void ReadNumber()
        {
            var start = _i;
            while (_i < source.Length)
            {
                var c = source[_i];
                if (char.IsLetterOrDigit(c) || c is '_' or '.') { _i++; continue; }
                if (c is '+' or '-' && source[_i - 1] is 'e' or 'E' && !source[start.._i].StartsWith("0x", StringComparison.OrdinalIgnoreCase)) { _i++; continue; }
                break;
            }
            Add(PythonTokenKind.Number, source[start.._i], _line, ColumnOf(start, _lineStart));
        }

        private void ReadOperator()
        {
            var start = _i;
            var c = source[_i];
            var two = _i + 1 < source.Length ? source.Substring(_i, 2) : "";
            if (two is ":=" or "->" or "==" or "!=" or "<=" or ">=" or "**" or "//") _i += 2;
            else _i++;
            if (c is '(' or '[' or '{') _depth++;
            else if (c is ')' or ']' or '}' && _depth > 0) _depth--;
            Add(PythonTokenKind.Operator, source[start.._i], _line, ColumnOf(start, _lineStart));
        }

        /// <summary>Reads a string literal whose prefix starts at <c>_i</c> and whose opening quote is at <paramref name="quoteAt"/>.</summary>
        private void ReadString(int quoteAt)
        {
            var start = _i;
            var line = _line;
            var column = ColumnOf(start, _lineStart);
            var prefix = source[start..quoteAt];
            var formatted = prefix.Contains('f', StringComparison.OrdinalIgnoreCase) || prefix.Contains('t', StringComparison.OrdinalIgnoreCase);
            _i = quoteAt;
            SkipStringBody(formatted);
            Add(PythonTokenKind.String, source[start.._i], line, column);
        }

        /// <summary>Consumes a string from its opening quote at <c>_i</c>.</summary>
        private void SkipStringBody(bool formatted)
        {
            var quote = source[_i];
            var triple = _i + 2 < source.Length && source[_i + 1] == quote && source[_i + 2] == quote;
            _i += triple ? 3 : 1;
            while (_i < source.Length)
            {
                var c = source[_i];
                if (c == '\\')
                {
                    if (IsNewlineAt(_i + 1))
                    {
                        _i += source[_i + 1] == '\r' ? 2 : 1;
                        NewLine();
                    }
                    else _i += 2;
                    continue;
                }
                if (c == '\n')
                {
                    if (!triple) return; // unterminated: stop at the line end
                    NewLine();
                    continue;
                }
                if (c == quote)
                {
                    if (!triple) { _i++; return; }
                    if (_i + 2 < source.Length && source[_i + 1] == quote && source[_i + 2] == quote) { _i += 3; return; }
                    _i++;
                    continue;
                }
                if (formatted && c == '{')
                {
                    if (_i + 1 < source.Length && source[_i + 1] == '{') { _i += 2; continue; }
                    _i++;
                    SkipReplacementField();
                    continue;
                }
                _i++;
            }
        }

        /// <summary>Consumes an f-string replacement field after its '{', up to and including the matching '}'.</summary>
        private void SkipReplacementField()
        {
            var depth = 0;
            while (_i < source.Length)
            {
                var c = source[_i];
                if (c == '\n') { NewLine(); continue; }
                if (c is '\'' or '"') { SkipStringBody(formatted: false); continue; }
                if ((char.IsLetter(c) || c == '_') && TryNestedPrefixedString()) continue;
                if (c is '(' or '[' or '{') { depth++; _i++; continue; }
                if (c is ')' or ']') { depth--; _i++; continue; }
                if (c == '}')
                {
                    _i++;
                    if (depth == 0) return;
                    depth--;
                    continue;
                }
                if (c == ':' && depth == 0 && !(_i + 1 < source.Length && source[_i + 1] == '='))
                {
                    _i++;
                    SkipFormatSpec();
                    return;
                }
                _i++;
            }
        }

        /// <summary>A format spec is literal text (quotes included) with nested replacement fields, ending at '}'.</summary>
        private void SkipFormatSpec()
        {
            while (_i < source.Length)
            {
                var c = source[_i];
                if (c == '\n') { NewLine(); continue; }
                if (c == '{') { _i++; SkipReplacementField(); continue; }
                _i++;
                if (c == '}') return;
            }
        }

        private bool TryNestedPrefixedString()
        {
            var start = _i;
            var end = _i;
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_')) end++;
            if (end < source.Length && source[end] is '\'' or '"' && StringPrefixes.Contains(source[start..end]))
            {
                var word = source[start..end];
                _i = end;
                SkipStringBody(word.Contains('f', StringComparison.OrdinalIgnoreCase) || word.Contains('t', StringComparison.OrdinalIgnoreCase));
                return true;
            }
            _i = end;
            return true;
        }
    }
}
