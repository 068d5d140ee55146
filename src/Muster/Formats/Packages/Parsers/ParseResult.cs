using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>What parsing one manifest produced: packages, problems, and files it read along the way (includes).</summary>
/// <param name="maxPackages">Entries kept; the rest are counted in <see cref="PackageEntries.Skipped"/>.</param>
internal sealed class ParseResult(int maxPackages = int.MaxValue)
{
    public PackageEntries Packages { get; } = new(maxPackages);
    public List<ManifestProblem> Problems { get; } = [];
    public List<string> FilesRead { get; } = [];

    /// <summary>The projects the manifests describe (name, version, licence), for the SBOM.</summary>
    public List<ProjectRecord> Projects { get; } = [];
}
