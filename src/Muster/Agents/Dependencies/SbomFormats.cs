namespace Muster.Agents.Dependencies;

internal enum SbomFormat
{
    CycloneDx,
    Spdx,
}

/// <summary>The <c>sbom-format</c> run parameter and setting (CLI <c>--sbom-format</c>): cyclonedx (the default) or spdx.</summary>
public static class SbomFormats
{
    public const string Key = "sbom-format";

    public const string Names = "cyclonedx or spdx";

    internal static SbomFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "cyclonedx" or "cdx" => SbomFormat.CycloneDx,
        "spdx" => SbomFormat.Spdx,
        _ => null,
    };

    /// <summary>Whether <paramref name="name"/> names a format (the CLI's check of --sbom-format).</summary>
    public static bool IsKnown(string name) => Parse(name) is not null;

    internal static string Title(SbomFormat format) => format == SbomFormat.Spdx ? "SPDX 2.3" : "CycloneDX 1.6";
}
