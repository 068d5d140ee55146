using Muster.Agents.Dependencies.Model;

namespace Muster.Agents.Dependencies.Versions;

internal static class VersionSchemes
{
    public static IVersionScheme For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => NpmVersionScheme.Instance,
        Ecosystem.PyPI => Pep440VersionScheme.Instance,
        _ => NuGetVersionScheme.Instance,
    };
}
