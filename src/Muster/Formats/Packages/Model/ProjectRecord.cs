namespace Muster.Formats.Packages.Model;

/// <summary>
/// The project a manifest describes (package.json's, pyproject.toml's <c>name</c>/<c>version</c>/<c>license</c>;
/// a .csproj's file name): the SBOM's component for the folder, with a purl when the manifest names it.
/// </summary>
internal sealed record ProjectRecord
{
    public required Ecosystem Ecosystem { get; init; }
    public required string ManifestPath { get; init; }
    public string? Name { get; init => field = SourceUrl.RedactOrNull(value); }
    public string? Version { get; init => field = SourceUrl.RedactOrNull(value); }
    public string? License { get; init => field = SourceUrl.RedactOrNull(value); }

    /// <summary>Whether a lockfile recorded this project's direct dependencies (<see cref="DependsOn"/>), resolved to its entries.</summary>
    public bool FromLockfile { get; init; }

    public IReadOnlyList<PackageRef> DependsOn { get; init; } = [];
}
