using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Agents.Dependencies;

/// <summary>Package URLs (purl spec): <c>pkg:npm/%40scope/name@1.0.0</c>, <c>pkg:pypi/name@1.0</c>, <c>pkg:nuget/Name@1.0.0</c>.</summary>
internal static class Purl
{
    public static string For(Ecosystem ecosystem, string name, string? version)
    {
        var path = ecosystem switch
        {
            // npm scopes are the purl namespace; '@' must be percent-encoded there.
            Ecosystem.Npm when name.StartsWith('@') && name.Contains('/') =>
                "%40" + Escape(name[1..name.IndexOf('/')]) + "/" + Escape(name[(name.IndexOf('/') + 1)..]),
            Ecosystem.PyPI => Escape(Pep503.Normalize(name)),
            _ => Escape(name),
        };
        return $"pkg:{ecosystem.ToPurlType()}/{path}" + (version is null ? "" : "@" + Escape(version));
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
