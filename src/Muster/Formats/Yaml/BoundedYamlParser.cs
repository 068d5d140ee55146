using Muster.Formats.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Muster.Formats.Yaml;

/// <summary>
/// YamlDotNet's event parser (iterative, safe at any depth) with budgets checked on every event, so that the
/// recursive consumers behind it (the node loader, the deserializer) never see a collection nested deeper than
/// <see cref="InputLimits.YamlMaxDepth"/> or more aliases than <see cref="InputLimits.YamlMaxAliases"/>.
/// </summary>
internal sealed class BoundedYamlParser : IParser
{
    private readonly Scanner _scanner;
    private readonly Parser _inner;
    private int _depth;
    private int _aliases;
    private int _events;

    public BoundedYamlParser(string text)
    {
        _scanner = new Scanner(new StringReader(text));
        _inner = new Parser(_scanner);
    }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!Advance()) return false;
        var current = _inner.Current!;
        if (++_events > InputLimits.YamlMaxEvents)
        {
            throw new YamlLimitException(current.Start, $"YAML document holds more than {InputLimits.YamlMaxEvents:N0} nodes; not audited");
        }
        switch (current)
        {
            case SequenceStart or MappingStart when ++_depth > InputLimits.YamlMaxDepth:
                throw new YamlLimitException(current.Start, $"YAML nesting exceeds {InputLimits.YamlMaxDepth} levels; not audited");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
            case AnchorAlias when ++_aliases > InputLimits.YamlMaxAliases:
                throw new YamlLimitException(current.Start, $"YAML holds more than {InputLimits.YamlMaxAliases:N0} aliases; not audited");
        }
        return true;
    }

    // YamlDotNet's scanner gives up on some malformed input with an InvalidOperationException instead of a
    // YamlException: turned into one at the place it stopped, so every reader reports it as invalid YAML.
    private bool Advance()
    {
        try
        {
            return _inner.MoveNext();
        }
        catch (InvalidOperationException e)
        {
            var at = _scanner.CurrentPosition;
            throw new YamlException(at, at,
                "the parser could not read past this point; check for an unclosed bracket, brace or quote before it", e);
        }
    }
}
