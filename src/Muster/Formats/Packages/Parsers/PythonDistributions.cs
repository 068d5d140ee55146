using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>The files uv.lock and poetry.lock pin for a package, with their digests (an entry without a valid digest is left out).</summary>
internal static class PythonDistributions
{
    /// <summary>uv.lock: <c>sdist = { url, hash }</c> and <c>wheels = [{ url, hash }]</c>.</summary>
    public static IReadOnlyList<PackageDistribution> FromUv(TomlTable package)
    {
        var files = package.Table("sdist") is { } sdist ? [sdist] : new List<TomlTable>();
        files.AddRange(package.Tables("wheels"));
        return Collect(files, "url");
    }

    /// <summary>poetry.lock: <c>files = [{ file, hash }]</c> in the package (lock format 2), or <c>[metadata.files]</c> by name (format 1).</summary>
    public static IReadOnlyList<PackageDistribution> FromPoetry(TomlTable package, TomlTable? metadataFiles, string name)
    {
        var files = package.Tables("files").ToList();
        if (files.Count == 0 && metadataFiles is not null) files.AddRange(metadataFiles.Tables(name));
        return Collect(files, "file");
    }

    private static List<PackageDistribution> Collect(IEnumerable<TomlTable> files, string locationKey) =>
    [
        .. files
            .Select(f => (Location: f.String(locationKey), Hash: Integrity.FromPrefixedHex(f.String("hash"))))
            .Where(f => f.Location is { Length: > 0 } && f.Hash is not null)
            .Select(f => new PackageDistribution(f.Location!, f.Hash!))
            .DistinctBy(d => d.Location),
    ];
}
