namespace Muster.Formats.Packages.Model;

internal static class EcosystemNames
{
    /// <summary>The OSV ecosystem name (also used in reports).</summary>
    public static string ToOsvName(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "PyPI",
        _ => "NuGet",
    };

    /// <summary>The package-URL type (<c>pkg:npm/...</c>).</summary>
    public static string ToPurlType(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "pypi",
        _ => "nuget",
    };

    public static Ecosystem? FromOsvName(string? name) => name switch
    {
        "npm" => Ecosystem.Npm,
        "PyPI" => Ecosystem.PyPI,
        "NuGet" => Ecosystem.NuGet,
        _ => null,
    };
}
