namespace Muster.Formats.Packages.Versions;

/// <summary>
/// A contiguous span of versions in one ecosystem's order; a missing bound is unbounded. Interval arithmetic is what
/// lets a range requirement be matched against advisory ranges without guessing which version gets installed.
/// </summary>
internal sealed record VersionInterval(VersionBound? Lower, VersionBound? Upper)
{
    public static readonly VersionInterval All = new(null, null);

    public static VersionInterval Exactly(string version) => new(new VersionBound(version, true), new VersionBound(version, true));

    /// <summary>Cores (major.minor.patch) whose prereleases npm lets this interval match; empty elsewhere.</summary>
    public IReadOnlyList<string> PrereleaseCores { get; init; } = [];

    public bool Contains(string version, IVersionScheme scheme)
    {
        if (Lower is not null)
        {
            var c = scheme.Compare(version, Lower.Version);
            if (c < 0 || (c == 0 && !Lower.Inclusive)) return false;
        }
        if (Upper is not null)
        {
            var c = scheme.Compare(version, Upper.Version);
            if (c > 0 || (c == 0 && !Upper.Inclusive)) return false;
        }
        return true;
    }

    public bool IsEmpty(IVersionScheme scheme)
    {
        if (Lower is null || Upper is null) return false;
        var c = scheme.Compare(Lower.Version, Upper.Version);
        return c > 0 || (c == 0 && !(Lower.Inclusive && Upper.Inclusive));
    }

    public VersionInterval Intersect(VersionInterval other, IVersionScheme scheme) =>
        new(MaxLower(Lower, other.Lower, scheme), MinUpper(Upper, other.Upper, scheme))
        {
            PrereleaseCores = [.. PrereleaseCores.Concat(other.PrereleaseCores).Distinct(StringComparer.Ordinal)],
        };

    public bool Overlaps(VersionInterval other, IVersionScheme scheme) => !Intersect(other, scheme).IsEmpty(scheme);

    /// <summary>Whether every version in this interval also lies in <paramref name="outer"/>.</summary>
    public bool IsWithin(VersionInterval outer, IVersionScheme scheme)
    {
        if (outer.Lower is not null)
        {
            if (Lower is null) return false;
            var c = scheme.Compare(Lower.Version, outer.Lower.Version);
            if (c < 0 || (c == 0 && Lower.Inclusive && !outer.Lower.Inclusive)) return false;
        }
        if (outer.Upper is not null)
        {
            if (Upper is null) return false;
            var c = scheme.Compare(Upper.Version, outer.Upper.Version);
            if (c > 0 || (c == 0 && Upper.Inclusive && !outer.Upper.Inclusive)) return false;
        }
        return true;
    }

    private static VersionBound? MaxLower(VersionBound? a, VersionBound? b, IVersionScheme scheme)
    {
        if (a is null) return b;
        if (b is null) return a;
        var c = scheme.Compare(a.Version, b.Version);
        return c > 0 ? a : c < 0 ? b : a.Inclusive ? b : a;
    }

    private static VersionBound? MinUpper(VersionBound? a, VersionBound? b, IVersionScheme scheme)
    {
        if (a is null) return b;
        if (b is null) return a;
        var c = scheme.Compare(a.Version, b.Version);
        return c < 0 ? a : c > 0 ? b : a.Inclusive ? b : a;
    }

    public override string ToString() =>
        (Lower is null ? "(-inf" : (Lower.Inclusive ? "[" : "(") + Lower.Version) + ", " +
        (Upper is null ? "+inf)" : Upper.Version + (Upper.Inclusive ? "]" : ")"));
}
