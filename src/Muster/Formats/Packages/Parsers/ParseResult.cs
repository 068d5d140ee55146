using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>What parsing one manifest produced: packages, problems, and files it read along the way (includes).</summary>
internal sealed class ParseResult
{
    public List<PackageRecord> Packages { get; } = [];
    public List<ManifestProblem> Problems { get; } = [];
    public List<string> FilesRead { get; } = [];
}
