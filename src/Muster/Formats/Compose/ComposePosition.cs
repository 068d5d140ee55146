namespace Muster.Formats.Compose;

/// <summary>Where a compose value was written: the file as given to the loader and a 1-based line and column.</summary>
public sealed record ComposePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
