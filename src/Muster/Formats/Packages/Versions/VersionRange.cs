namespace Muster.Formats.Packages.Versions;

/// <summary>
/// A parsed version requirement: a union of intervals, minus excluded intervals (PEP 440 <c>!=</c>). A range is
/// never collapsed to a guessed version; <see cref="ExactVersion"/> is set only when the requirement pins one version.
/// </summary>
internal sealed record VersionRange(string Text, IReadOnlyList<VersionInterval> Intervals)
{
    public IReadOnlyList<VersionInterval> Exclusions { get; init; } = [];

    /// <summary>The single version the requirement allows (<c>==1.2.3</c>, npm <c>1.2.3</c>, NuGet <c>[1.2.3]</c>).</summary>
    public string? ExactVersion =>
        Intervals.Count == 1 && Exclusions.Count == 0 && Intervals[0] is { Lower: { Inclusive: true } lo, Upper: { Inclusive: true } hi } &&
        lo.Version == hi.Version
            ? lo.Version
            : null;

    /// <summary>Whether some interval has no upper bound (<c>*</c>, <c>&gt;=1.0</c>): any future release may be installed.</summary>
    public bool IsUnbounded => Intervals.Any(i => i.Upper is null);
}
