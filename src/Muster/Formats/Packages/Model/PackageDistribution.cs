namespace Muster.Formats.Packages.Model;

/// <summary>
/// One file a Python lockfile pins for a package (an sdist or one wheel) and its digest. Python locks hash every file
/// the package may install from, so no single digest is the package's: each file is its own distribution.
/// </summary>
/// <param name="Location">The file's URL (uv.lock) or its name (poetry.lock), credentials redacted.</param>
internal sealed record PackageDistribution(string Location, PackageHash Hash)
{
    public string Location { get; init; } = SourceUrl.Redact(Location);
}
