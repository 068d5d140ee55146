namespace Muster.Formats.Packages.Model;

/// <summary>
/// One package as one manifest or lockfile declares it. <see cref="Version"/> is set only when the file pins one
/// version (a lockfile entry, <c>==1.2.3</c>); otherwise <see cref="Range"/> holds the requirement as written.
/// </summary>
internal sealed record PackageRecord
{
    public required Ecosystem Ecosystem { get; init; }
    // Lockfiles and manifests may hold URLs with credentials (git+https://user:token@host): stored redacted.
    public required string Name { get; init => field = SourceUrl.Redact(value); }
    public string? Version { get; init => field = SourceUrl.RedactOrNull(value); }
    public string? Range { get; init => field = SourceUrl.RedactOrNull(value); }
    public bool Direct { get; init; }
    public DependencyScope Scope { get; init; } = DependencyScope.Unknown;

    /// <summary>Path of the manifest relative to the audited root, '/' separators.</summary>
    public required string ManifestPath { get; init; }

    public int Line { get; init; }

    /// <summary>File kind, e.g. "package-lock.json v3", "requirements.txt".</summary>
    public required string ManifestKind { get; init; }

    /// <summary>Whether the record comes from a lockfile (resolved) rather than a manifest (requested).</summary>
    public bool FromLockfile { get; init; }

    /// <summary>The entries of the same lockfile this one depends on, as the lockfile resolves them (empty when it records no edges).</summary>
    public IReadOnlyList<PackageRef> DependsOn { get; init; } = [];

    /// <summary>Digests of the package archive the lockfile recorded.</summary>
    public IReadOnlyList<PackageHash> Hashes { get; init; } = [];

    /// <summary>The files a Python lockfile pins for the package, each with its digest (empty for other ecosystems).</summary>
    public IReadOnlyList<PackageDistribution> Distributions { get; init; } = [];

    /// <summary>The licence the file declares for the package (npm lockfiles v2+ record it), as written.</summary>
    public string? License { get; init => field = SourceUrl.RedactOrNull(value); }
}
