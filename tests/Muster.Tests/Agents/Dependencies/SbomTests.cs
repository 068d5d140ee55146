using System.Text.Json;
using Muster.Agents.Dependencies;
using Muster.Formats.Packages.Model;

namespace Muster.Tests.Agents.Dependencies;

public sealed class SbomTests
{
    // cyclonedx-npm 6.0.1 (--package-lock-only) on TestData/sbom/npm-v3 gives 51 nodes and 59 edges: one node per
    // install path, and the fixture installs debug-lite@2.6.9 and ms-tiny@2.0.0 twice (under http-router and
    // plugin-host). Collapsed to one node per purl, as Muster writes them, its graph is 49 nodes and 58 edges, the
    // same node and edge sets as Muster's.
    private const int FixtureNodes = 49;
    private const int FixtureEdges = 58;

    [Fact]
    public async Task Npm_lockfile_gives_the_full_graph_cyclonedx_npm_gives()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", Fixture("package.json"))
            .Write("package-lock.json", Fixture("package-lock.json"));
        var (bom, path) = await WriteSbom(ws);
        var (valid, output) = await CycloneDxValidator.ValidateAsync(path);
        Assert.True(valid, output);

        var nodes = bom.GetProperty("dependencies").EnumerateArray().ToList();
        Assert.Equal(FixtureNodes, nodes.Count);
        Assert.Equal(FixtureEdges, nodes.Sum(n => n.GetProperty("dependsOn").GetArrayLength()));
        Assert.Equal(FixtureNodes - 1, bom.GetProperty("components").GetArrayLength());

        var subject = bom.GetProperty("metadata").GetProperty("component");
        Assert.Equal("pkg:npm/fixture-web@1.4.0", subject.GetProperty("purl").GetString());
        Assert.Equal("1.4.0", subject.GetProperty("version").GetString());
        Assert.Equal("MIT", subject.GetProperty("licenses")[0].GetProperty("expression").GetString());
        Assert.Equal(Muster.Model.MusterVersion.Current, bom.GetProperty("metadata").GetProperty("tools").GetProperty("components")[0].GetProperty("version").GetString());

        var components = bom.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("bom-ref").GetString()!);
        // Every direct dependency once, with its locked version: no range-only twin.
        Assert.DoesNotContain(components.Keys, k => k.Contains("#range=", StringComparison.Ordinal));
        var rootEdges = Edges(bom, subject.GetProperty("bom-ref").GetString()!);
        Assert.Equal(11, rootEdges.Count);
        Assert.Contains("pkg:npm/left-padding@1.3.0", rootEdges);
        // Nested installs resolve as Node does: the nearest node_modules wins.
        Assert.Contains("pkg:npm/debug-lite@2.6.9", Edges(bom, "pkg:npm/http-router@3.2.4"));
        Assert.Contains("pkg:npm/debug-lite@4.3.4", Edges(bom, "pkg:npm/tiny-logger@2.1.0"));
        Assert.Equal(["pkg:npm/ms-tiny@2.0.0"], Edges(bom, "pkg:npm/debug-lite@2.6.9"));
        Assert.Equal("required", components["pkg:npm/http-router@3.2.4"].GetProperty("scope").GetString());
        Assert.Equal("optional", components["pkg:npm/test-runner@29.7.0"].GetProperty("scope").GetString());
        var hash = components["pkg:npm/http-router@3.2.4"].GetProperty("hashes")[0];
        Assert.Equal("SHA-512", hash.GetProperty("alg").GetString());
        Assert.Equal(128, hash.GetProperty("content").GetString()!.Length);
        Assert.Equal("(MIT OR Apache-2.0)", components["pkg:npm/fast-format@1.0.3"].GetProperty("licenses")[0].GetProperty("expression").GetString());
    }

    [Fact]
    public async Task Several_projects_are_separate_nodes_under_the_workspace()
    {
        using var ws = new TempWorkspace()
            .Write("web/package.json", """{ "name": "web", "version": "2.0.0", "license": "SEE LICENSE IN LICENSE.txt", "dependencies": { "@scope/ui": "^1.0.0" }, "devDependencies": { "jest": "^29.0.0" } }""")
            .Write("web/package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                  "": { "name": "web", "version": "2.0.0", "dependencies": { "@scope/ui": "^1.0.0" }, "devDependencies": { "jest": "^29.0.0" } },
                  "node_modules/@scope/ui": { "version": "1.2.0", "integrity": "sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=" },
                  "node_modules/jest": { "version": "29.7.0", "dev": true } } }
                """)
            .Write("api/requirements.txt", "Django_Rest==3.15.1\nrequests>=2\n")
            .Write("lib/Lib.csproj", """<Project><ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup></Project>""");
        var (bom, path) = await WriteSbom(ws);
        var (valid, output) = await CycloneDxValidator.ValidateAsync(path);
        Assert.True(valid, output);

        var subject = bom.GetProperty("metadata").GetProperty("component");
        Assert.Equal("root", subject.GetProperty("bom-ref").GetString());
        Assert.Equal(["project:api", "project:lib", "project:web"], Edges(bom, "root"));
        var components = bom.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("bom-ref").GetString()!);
        Assert.Equal("pkg:npm/web@2.0.0", components["project:web"].GetProperty("purl").GetString());
        Assert.Equal("SEE LICENSE IN LICENSE.txt", components["project:web"].GetProperty("licenses")[0].GetProperty("license").GetProperty("name").GetString());
        Assert.Equal("pkg:nuget/Lib", components["project:lib"].GetProperty("purl").GetString());
        Assert.Equal(["pkg:npm/%40scope/ui@1.2.0", "pkg:npm/jest@29.7.0"], Edges(bom, "project:web"));
        Assert.Equal(["pkg:pypi/django-rest@3.15.1", "pkg:pypi/requests#range=>=2"], Edges(bom, "project:api"));
        Assert.Equal(["pkg:nuget/Newtonsoft.Json@13.0.3"], Edges(bom, "project:lib"));
        Assert.Equal("optional", components["pkg:npm/jest@29.7.0"].GetProperty("scope").GetString());
        Assert.Equal("required", components["pkg:pypi/django-rest@3.15.1"].GetProperty("scope").GetString());
        Assert.Equal("SHA-1", components["pkg:npm/%40scope/ui@1.2.0"].GetProperty("hashes")[0].GetProperty("alg").GetString());
        // A range is never turned into a version: the component has none, the range is a property.
        var requests = components["pkg:pypi/requests#range=>=2"];
        Assert.False(requests.TryGetProperty("version", out _));
        Assert.Contains(requests.GetProperty("properties").EnumerateArray(), p => p.GetProperty("value").GetString() == ">=2");
        var refs = bom.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        Assert.All(bom.GetProperty("dependencies").EnumerateArray().SelectMany(d => d.GetProperty("dependsOn").EnumerateArray()), r => Assert.Contains(r.GetString(), refs));
    }

    internal static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sbom", "npm-v3", name));

    private static async Task<(JsonElement Bom, string Path)> WriteSbom(TempWorkspace ws, Dictionary<string, string>? extra = null)
    {
        var sbomPath = Path.Combine(ws.Root, "out", "sbom.json");
        var parameters = new Dictionary<string, string>(extra ?? []) { ["sbom"] = sbomPath };
        var result = await AgentRunner.Run(ws.Root, parameters);
        Assert.Contains("SBOM written", result.Summary);
        return (JsonDocument.Parse(File.ReadAllText(sbomPath)).RootElement.Clone(), sbomPath);
    }

    private static List<string> Edges(JsonElement bom, string reference) =>
        [.. bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == reference)
            .GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("npm", "lodash", "4.17.20", "pkg:npm/lodash@4.17.20")]
    [InlineData("npm", "@babel/core", "7.0.0-beta.1", "pkg:npm/%40babel/core@7.0.0-beta.1")]
    [InlineData("PyPI", "Python_Jose", "3.3.0", "pkg:pypi/python-jose@3.3.0")]
    [InlineData("PyPI", "torch", "2.2.0+cpu", "pkg:pypi/torch@2.2.0%2Bcpu")]
    [InlineData("NuGet", "Serilog", null, "pkg:nuget/Serilog")]
    public void Purls(string ecosystem, string name, string? version, string expected) =>
        Assert.Equal(expected, Purl.For(EcosystemNames.FromOsvName(ecosystem)!.Value, name, version));
}
