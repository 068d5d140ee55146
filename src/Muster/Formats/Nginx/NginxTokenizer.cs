using System.Text;

namespace Muster.Formats.Nginx;

/// <summary>
/// Splits nginx configuration text into words and the punctuation <c>; { }</c>. Follows nginx's own rules: '#' starts
/// a comment only at the start of a word, quotes (single or double) group a word and honour backslash escapes, a
/// backslash outside quotes escapes the next character, and '{' right after '$' belongs to a <c>${var}</c> word.
/// </summary>
internal sealed class NginxTokenizer
{
    private readonly string _text;
    private readonly string _file;
    private readonly List<NginxParseError> _errors;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public NginxTokenizer(string text, string file, List<NginxParseError> errors)
    {
        _text = text;
        _file = file;
        _errors = errors;
    }

    public int Line => _line;
    public int Column => _column;

    public NginxToken? Next()
    {
        SkipSpaceAndComments();
        if (_pos >= _text.Length) return null;
        int line = _line, column = _column;
        var c = _text[_pos];
        switch (c)
        {
            case ';': Advance(); return new NginxToken(NginxTokenKind.Semicolon, ";", line, column);
            case '{': Advance(); return new NginxToken(NginxTokenKind.OpenBrace, "{", line, column);
            case '}': Advance(); return new NginxToken(NginxTokenKind.CloseBrace, "}", line, column);
            case '"' or '\'': return ReadQuoted(c, line, column);
            default: return ReadWord(line, column);
        }
    }

    /// <summary>
    /// Skips the raw body of a block whose content is not nginx syntax (e.g. <c>content_by_lua_block { ... }</c>),
    /// assuming the opening brace was just consumed. Braces outside string literals must balance.
    /// </summary>
    public void SkipRawBlock()
    {
        int line = _line, column = _column;
        var depth = 1;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is '"' or '\'')
            {
                Advance();
                while (_pos < _text.Length && _text[_pos] != c && _text[_pos] != '\n')
                {
                    if (_text[_pos] == '\\' && _pos + 1 < _text.Length) Advance();
                    Advance();
                }
                if (_pos < _text.Length) Advance();
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0)
            {
                Advance();
                return;
            }
            Advance();
        }
        _errors.Add(new NginxParseError(_file, line, column, "raw block is not closed before end of file"));
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c)) Advance();
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') Advance();
            }
            else return;
        }
    }

    private NginxToken ReadQuoted(char quote, int line, int column)
    {
        Advance();
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                Advance();
                return new NginxToken(NginxTokenKind.Word, sb.ToString(), line, column, Quoted: true);
            }
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var next = _text[_pos + 1];
                // nginx unescapes only the quote, backslash and \t \r \n; anything else keeps its backslash.
                switch (next)
                {
                    case '"' or '\'' or '\\': sb.Append(next); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'n': sb.Append('\n'); break;
                    default: sb.Append(c).Append(next); break;
                }
                Advance();
                Advance();
                continue;
            }
            sb.Append(c);
            Advance();
        }
        _errors.Add(new NginxParseError(_file, line, column, $"unterminated {quote}quoted{quote} string"));
        return new NginxToken(NginxTokenKind.Word, sb.ToString(), line, column, Quoted: true);
    }

    private NginxToken ReadWord(int line, int column)
    {
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c) || c is ';' or '}') break;
            if (c == '{' && !(sb.Length > 0 && sb[^1] == '$')) break;
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                Advance();
                sb.Append(_text[_pos]);
                Advance();
                continue;
            }
            if (c == '{')
            {
                // ${name}: the braces are part of the variable reference.
                while (_pos < _text.Length && _text[_pos] != '}' && _text[_pos] != '\n') { sb.Append(_text[_pos]); Advance(); }
                if (_pos < _text.Length && _text[_pos] == '}') { sb.Append('}'); Advance(); }
                continue;
            }
            sb.Append(c);
            Advance();
        }
        return new NginxToken(NginxTokenKind.Word, sb.ToString(), line, column);
    }

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _pos++;
    }
}
