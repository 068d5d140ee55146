using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Versions;

/// <summary>npm's node-semver rules, including its prerelease rule: a prerelease only satisfies a range whose own
/// comparators name a prerelease of the same major.minor.patch.</summary>
internal sealed class NpmVersionScheme : IVersionScheme
{
    public static readonly NpmVersionScheme Instance = new();

    public Ecosystem Ecosystem => Ecosystem.Npm;

    public bool IsValid(string version) => SemVersion.TryParse(version, out _);

    public int Compare(string a, string b) => SemVersion.Parse(a).CompareTo(SemVersion.Parse(b));

    public bool TryParseRange(string text, out VersionRange range, out string error) =>
        NpmRangeParser.TryParse(text, out range, out error);

    public bool Satisfies(VersionRange range, string version)
    {
        if (!SemVersion.TryParse(version, out var v)) return false;
        foreach (var interval in range.Intervals)
        {
            if (!interval.Contains(version, this)) continue;
            if (!v.IsPrerelease || interval.PrereleaseCores.Contains($"{v.Major}.{v.Minor}.{v.Patch}")) return true;
        }
        return false;
    }
}
