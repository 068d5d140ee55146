namespace Muster.Formats.Nginx;

/// <summary>
/// Builds the directive tree from tokens. Syntax errors are recorded and parsing resumes, so one stray brace does
/// not hide the rest of a file. <paramref name="onInclude"/> is called for each <c>include</c> directive and returns
/// the directives to place right after it (the included files' contents).
/// </summary>
internal sealed class NginxParser(string text, string file, List<NginxParseError> errors,
    Func<NginxDirective, IReadOnlyList<NginxDirective>>? onInclude)
{
    private readonly List<NginxDirective> _top = [];
    private readonly Stack<NginxDirective> _open = new();

    public List<NginxDirective> Parse()
    {
        var tokenizer = new NginxTokenizer(text, file, errors);
        var words = new List<NginxToken>();
        while (tokenizer.Next() is { } token)
        {
            switch (token.Kind)
            {
                case NginxTokenKind.Word:
                    words.Add(token);
                    break;
                case NginxTokenKind.Semicolon:
                    if (words.Count == 0) { Error(token, "unexpected \";\""); break; }
                    var simple = Create(words, isBlock: false);
                    Add(simple);
                    if (simple.Name == "include" && onInclude is not null)
                    {
                        foreach (var included in onInclude(simple)) Add(included);
                    }
                    words.Clear();
                    break;
                case NginxTokenKind.OpenBrace:
                    var block = words.Count == 0 ? null : Create(words, isBlock: true);
                    if (block is null)
                    {
                        Error(token, "unexpected \"{\" without a directive name");
                        block = new NginxDirective("", [], isBlock: true, file, token.Line, token.Column);
                    }
                    words.Clear();
                    Add(block);
                    if (block.Name.EndsWith("_by_lua_block", StringComparison.Ordinal)) tokenizer.SkipRawBlock();
                    else _open.Push(block);
                    break;
                case NginxTokenKind.CloseBrace:
                    if (words.Count > 0)
                    {
                        Error(words[0], $"directive \"{words[0].Text}\" is not terminated by \";\"");
                        words.Clear();
                    }
                    if (_open.Count == 0) Error(token, "unexpected \"}\"");
                    else _open.Pop();
                    break;
            }
        }
        if (words.Count > 0) Error(words[0], $"unexpected end of file, expecting \";\" or \"}}\" after \"{words[0].Text}\"");
        foreach (var unclosed in _open)
        {
            errors.Add(new NginxParseError(file, unclosed.Line, unclosed.Column, $"block \"{unclosed.Name}\" is not closed before end of file"));
        }
        return _top;
    }

    private NginxDirective Create(List<NginxToken> words, bool isBlock) =>
        new(words[0].Text, words.Skip(1).Select(w => w.Text).ToArray(), isBlock, file, words[0].Line, words[0].Column);

    private void Add(NginxDirective directive)
    {
        if (_open.Count == 0)
        {
            directive.Parent = null;
            _top.Add(directive);
        }
        else
        {
            _open.Peek().AddChild(directive);
        }
    }

    private void Error(NginxToken at, string message) => errors.Add(new NginxParseError(file, at.Line, at.Column, message));
}
