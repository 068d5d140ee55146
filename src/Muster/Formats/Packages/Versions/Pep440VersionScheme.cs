using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Versions;

/// <summary>PEP 440 ordering with PEP 440 specifiers (and Poetry's caret/tilde/bare-version constraints).</summary>
internal sealed class Pep440VersionScheme : IVersionScheme
{
    public static readonly Pep440VersionScheme Instance = new();

    public Ecosystem Ecosystem => Ecosystem.PyPI;

    public bool IsValid(string version) => Pep440Version.IsValid(version);

    public int Compare(string a, string b) => Pep440Version.Parse(a).CompareTo(Pep440Version.Parse(b));

    public bool TryParseRange(string text, out VersionRange range, out string error) =>
        Pep440SpecifierParser.TryParse(text, out range, out error);

    public bool Satisfies(VersionRange range, string version)
    {
        var v = Pep440Version.Parse(version);
        // A specifier without a local label matches any local build of the version it names.
        var candidate = v.HasLocal ? v.WithoutLocal().Original : version;
        bool In(VersionInterval i) => i.Contains(version, this) || (v.HasLocal && i.Contains(candidate, this));
        return range.Intervals.Any(In) && !range.Exclusions.Any(In);
    }
}
