namespace Muster.Agents.Dependencies.OsvUpdate;

/// <summary>The ecosystems the public OSV bucket exports as <c>ECOSYSTEM/all.zip</c>, spelt as OSV spells them.</summary>
public static class OsvEcosystems
{
    /// <summary>The ones the dependency audit matches, downloaded when <c>--ecosystems</c> is not given.</summary>
    public static readonly IReadOnlyList<string> Audited = ["npm", "PyPI", "NuGet"];

    public static readonly IReadOnlyList<string> Known =
    [
        "npm", "PyPI", "NuGet", "Go", "crates.io", "Maven", "RubyGems", "Packagist", "Pub", "Hex", "Hackage", "CRAN",
        "SwiftURL", "GitHub Actions", "Bitnami", "Linux", "OSS-Fuzz",
    ];

    public const string DefaultBaseUrl = "https://osv-vulnerabilities.storage.googleapis.com";

    /// <summary>The environment variable that overrides <see cref="DefaultBaseUrl"/> (a mirror); <c>--url</c> wins over it.</summary>
    public const string BaseUrlVariable = "MUSTER_OSV_URL";

    /// <summary>OSV's spelling of <paramref name="name"/> (<c>pypi</c> → <c>PyPI</c>), or null when it is not an exported ecosystem.</summary>
    public static string? Canonical(string name) => Known.FirstOrDefault(k => k.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsAudited(string ecosystem) => Audited.Contains(ecosystem, StringComparer.Ordinal);

    /// <summary><c>BASE/ECOSYSTEM/all.zip</c>, the ecosystem escaped (<c>GitHub%20Actions</c>).</summary>
    public static Uri ExportUrl(Uri baseUrl, string ecosystem) =>
        new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(ecosystem) + "/all.zip");
}
