namespace Muster.Engine.Plans;

/// <summary>
/// One entry of the plan's <c>owners:</c> map. A key holding '/' or '*' is a path glob (gitignore-style, matched
/// against the finding's root-relative path); any other key is a finding category.
/// </summary>
public sealed record OwnerRule(string Key, string Owner)
{
    public bool IsPathPattern => Key.Contains('/', StringComparison.Ordinal) || Key.Contains('*', StringComparison.Ordinal);
}
