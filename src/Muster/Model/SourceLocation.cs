namespace Muster.Model;

/// <summary>Where a finding is: a path relative to the audited root ('/' separators), 1-based line and column (0 = unknown).</summary>
public sealed record SourceLocation(string Path, int Line = 0, int Column = 0)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}" + (Column > 0 ? $":{Column}" : "") : Path;
}
