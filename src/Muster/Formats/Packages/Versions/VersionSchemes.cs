using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Versions;

internal static class VersionSchemes
{
    public static IVersionScheme For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => NpmVersionScheme.Instance,
        Ecosystem.PyPI => Pep440VersionScheme.Instance,
        _ => NuGetVersionScheme.Instance,
    };
}
