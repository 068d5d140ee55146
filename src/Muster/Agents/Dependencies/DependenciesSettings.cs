using Muster.Formats.Limits;

namespace Muster.Agents.Dependencies;

/// <summary>
/// The dependencies agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.
/// The run parameters of the same names (<c>--osv-db</c>, <c>--sbom</c>, <c>--sbom-format</c>) win over it.
/// </summary>
internal sealed record DependenciesSettings
{
    public const int DefaultMaxManifestBytes = 64 * 1024 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("osv-db", SettingType.Path, null, "An offline OSV database (a folder, a zip or a JSON file); `--osv-db` wins.") { Unset = "the `muster osv update` cache when it exists" },
        new("osv-max-age-days", SettingType.WholeNumber(min: 0), $"{OsvCoverage.DefaultMaxAgeDays}", "An ecosystem whose OSV data is older than this many days gets `DEP-OSV-STALE`."),
        new("sbom", SettingType.Path, null, "Write an SBOM to this file; `--sbom` wins.") { Unset = "no SBOM" },
        new(SbomFormats.Key, SettingType.OneOf(["cyclonedx", "spdx"]), null, "CycloneDX 1.6 JSON or SPDX 2.3 JSON; `--sbom-format` wins.") { Unset = "`--sbom-format`, else `cyclonedx`" },
        new("include", SettingType.Globs, null, "Only manifests and lockfiles matching these root-relative globs are read.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Manifests and lockfiles matching these globs are not read.") { Unset = "none" },
        new("max-manifest-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxManifestBytes}", "Larger manifests and lockfiles are not read (`MUSTER-INPUT-NOT-VERIFIED`)."),
        new(ManifestScanner.MaxEntriesSetting, SettingType.WholeNumber(min: 1), $"{InputLimits.ManifestMaxEntries}", "Package entries kept per manifest or lockfile; past it, one `DEP-SCAN-ERROR` at the first skipped line with the count skipped."),
    ];

    public string? OsvDatabase { get; init; }
    public int OsvMaxAgeDays { get; init; } = OsvCoverage.DefaultMaxAgeDays;
    public string? Sbom { get; init; }

    /// <summary>The plan's <c>sbom-format</c> as written (<see cref="SbomFormats.Names"/>); null: CycloneDX.</summary>
    public string? SbomFormat { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxManifestBytes { get; init; } = DefaultMaxManifestBytes;
    public int MaxManifestEntries { get; init; } = InputLimits.ManifestMaxEntries;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or an unknown SBOM format.</exception>
    public static DependenciesSettings From(AgentSettings s)
    {
        var format = s.GetString(SbomFormats.Key);
        if (SbomFormats.Parse(format) is null)
        {
            throw new AgentSettingsException($"setting '{SbomFormats.Key}' must be {SbomFormats.Names}; '{format}' is not") { Key = SbomFormats.Key };
        }
        return new DependenciesSettings
        {
            OsvDatabase = s.GetString("osv-db"),
            OsvMaxAgeDays = s.GetInt("osv-max-age-days", OsvCoverage.DefaultMaxAgeDays, min: 0),
            Sbom = s.GetString("sbom"),
            SbomFormat = format,
            Include = s.GetStringList("include"),
            Exclude = s.GetStringList("exclude"),
            MaxManifestBytes = s.GetInt("max-manifest-bytes", DefaultMaxManifestBytes, min: 1),
            MaxManifestEntries = s.GetInt(ManifestScanner.MaxEntriesSetting, InputLimits.ManifestMaxEntries, min: 1),
        };
    }
}
