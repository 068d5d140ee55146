namespace Muster.Formats.Packages.Parsers;

/// <summary>Offset-to-line mapping, so findings point at the manifest line even for formats parsed without positions.</summary>
internal sealed class TextLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public TextLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') _starts.Add(i + 1);
        }
    }

    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>1-based line of the first occurrence of <paramref name="needle"/> at or after <paramref name="from"/>; 0 if absent.</summary>
    public int Find(string needle, int from = 0)
    {
        var at = _text.IndexOf(needle, Math.Min(from, _text.Length), StringComparison.Ordinal);
        return at < 0 ? 0 : LineOf(at);
    }

    /// <summary>Offset of the first occurrence of <paramref name="needle"/>, or 0.</summary>
    public int OffsetOf(string needle, int from = 0)
    {
        var at = _text.IndexOf(needle, Math.Min(from, _text.Length), StringComparison.Ordinal);
        return at < 0 ? 0 : at;
    }

    /// <summary>Line of a JSON property <c>"name":</c> inside the object that starts after <paramref name="sectionKey"/>.</summary>
    public int FindJsonKey(string name, string? sectionKey = null)
    {
        var from = sectionKey is null ? 0 : OffsetOf($"\"{sectionKey}\"");
        var line = Find($"\"{name}\"", from);
        return line > 0 ? line : Find($"\"{name}\"");
    }
}
