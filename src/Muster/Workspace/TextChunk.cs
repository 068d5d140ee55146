namespace Muster.Workspace;

/// <summary>
/// A window of decoded text. <see cref="Text"/> begins with <see cref="Overlap"/> characters repeated from the end of
/// the previous chunk, so a match that straddles a chunk boundary is whole in one chunk. <see cref="Offset"/> is the
/// absolute character offset of <c>Text[0]</c> in the file and <see cref="FirstLine"/> its 1-based line number.
/// </summary>
public readonly record struct TextChunk(ReadOnlyMemory<char> Text, long Offset, int Overlap, long FirstLine, bool IsLast)
{
    /// <summary>1-based line and column of the character at <paramref name="index"/> in <see cref="Text"/>.</summary>
    public (long Line, int Column) Position(int index)
    {
        var before = Text.Span[..index];
        var lastNewline = before.LastIndexOf('\n');
        return (FirstLine + before.Count('\n'), index - lastNewline);
    }
}
