using Muster.Formats.Limits;

namespace Muster.Agents.Dependencies;

/// <summary>
/// The dependencies agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.
/// The run parameters of the same names (<c>--osv-db</c>, <c>--sbom</c>, <c>--sbom-format</c>) win over it.
/// </summary>
internal sealed record DependenciesSettings
{
    public string? OsvDatabase { get; init; }
    public int OsvMaxAgeDays { get; init; } = OsvCoverage.DefaultMaxAgeDays;
    public string? Sbom { get; init; }

    /// <summary>The plan's <c>sbom-format</c> as written (<see cref="SbomFormats.Names"/>); null: CycloneDX.</summary>
    public string? SbomFormat { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxManifestBytes { get; init; } = 64 * 1024 * 1024;
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
            MaxManifestBytes = s.GetInt("max-manifest-bytes", 64 * 1024 * 1024, min: 1),
            MaxManifestEntries = s.GetInt(ManifestScanner.MaxEntriesSetting, InputLimits.ManifestMaxEntries, min: 1),
        };
    }
}
