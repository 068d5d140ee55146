namespace Muster.Formats.Compose;

/// <summary>
/// A compose document as a position-keeping tree. Scalars keep their raw text and whether they were written plain
/// (unquoted), so a YAML 1.1 reading such as <c>22:22</c> = 1342 never happens and can be flagged.
/// </summary>
public abstract record ComposeNode(ComposePosition Position);

public sealed record ComposeScalar(ComposePosition Position, string? Value, bool Plain) : ComposeNode(Position)
{
    public bool IsNull => Value is null;

    /// <summary>Just after the scalar's last character as written (its closing quote included), when the reader knew it.</summary>
    public ComposePosition? End { get; init; }
}

public sealed record ComposeSequence(ComposePosition Position, IReadOnlyList<ComposeNode> Items) : ComposeNode(Position);

public sealed record ComposeMapping(ComposePosition Position, IReadOnlyList<ComposeEntry> Entries) : ComposeNode(Position)
{
    public ComposeNode? this[string key] => Entries.LastOrDefault(e => e.Key == key)?.Value;

    public ComposeEntry? Entry(string key) => Entries.LastOrDefault(e => e.Key == key);
}

public sealed record ComposeEntry(string Key, ComposePosition KeyPosition, ComposeNode Value);
