using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>@cyclonedx/cyclonedx-library's strict JSON validator (the spec's schema, no extra properties), through scripts/npm-tools/validate-cyclonedx.cjs.</summary>
internal static class CycloneDxValidator
{
    public static async Task<(bool Valid, string Output)> ValidateAsync(string file)
    {
        var library = NpmTools.CycloneDxLibrary;
        var script = Path.Combine(RepoPaths.Root(), "scripts", "npm-tools", "validate-cyclonedx.cjs");
        var (code, output) = await NpmTools.RunAsync("node", [script, "1.6", file],
            new Dictionary<string, string> { ["NODE_PATH"] = Path.GetDirectoryName(Path.GetDirectoryName(library))! });
        return (code == 0, output);
    }
}
