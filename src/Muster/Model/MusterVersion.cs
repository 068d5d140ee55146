using System.Reflection;

namespace Muster.Model;

/// <summary>
/// The one version Muster reports everywhere (<c>--version</c>, report.json, SARIF, HTML, the SBOM, the MCP server):
/// Directory.Build.props' <c>&lt;Version&gt;</c>, as the build stamps it into the assembly's informational version.
/// </summary>
public static class MusterVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var assembly = typeof(MusterVersion).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        // Drop the "+commit" build metadata so reports of the same release compare equal.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
