using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Muster.Agents.Dependencies;
using Muster.Formats.Packages.Model;

namespace Muster.Tests.Agents.Dependencies;

public sealed class SbomTests
{
    // The parts of the CycloneDX 1.6 JSON schema the writer relies on (the full schema is not available offline).
    private const string Schema = """
        {
          "type": "object",
          "required": ["bomFormat", "specVersion", "serialNumber", "version", "metadata", "components", "dependencies"],
          "properties": {
            "bomFormat": { "const": "CycloneDX" },
            "specVersion": { "const": "1.6" },
            "serialNumber": { "type": "string", "pattern": "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" },
            "version": { "type": "integer", "minimum": 1 },
            "metadata": {
              "type": "object",
              "required": ["timestamp", "component"],
              "properties": { "timestamp": { "type": "string", "format": "date-time" } }
            },
            "components": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["type", "name", "bom-ref", "purl"],
                "additionalProperties": false,
                "properties": {
                  "type": { "const": "library" },
                  "name": { "type": "string" },
                  "version": { "type": "string" },
                  "bom-ref": { "type": "string" },
                  "purl": { "type": "string", "pattern": "^pkg:(npm|pypi|nuget)/" },
                  "scope": { "enum": ["required", "optional", "excluded"] },
                  "properties": { "type": "array", "items": { "type": "object", "required": ["name", "value"] } }
                }
              }
            },
            "dependencies": {
              "type": "array",
              "items": { "type": "object", "required": ["ref"], "properties": { "dependsOn": { "type": "array", "items": { "type": "string" } } } }
            }
          }
        }
        """;

    [Fact]
    public async Task Sbom_is_written_when_asked_and_has_cyclonedx_16_structure()
    {
        using var ws = new TempWorkspace()
            .Write("web/package.json", """{ "dependencies": { "@scope/ui": "^1.0.0" }, "devDependencies": { "jest": "^29.0.0" } }""")
            .Write("web/package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                  "": { "dependencies": { "@scope/ui": "^1.0.0" }, "devDependencies": { "jest": "^29.0.0" } },
                  "node_modules/@scope/ui": { "version": "1.2.0" },
                  "node_modules/jest": { "version": "29.7.0", "dev": true } } }
                """)
            .Write("api/requirements.txt", "Django_Rest==3.15.1\nrequests>=2\n")
            .Write("lib/Lib.csproj", """<Project><ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup></Project>""");
        var sbomPath = Path.Combine(ws.Root, "out", "sbom.cdx.json");
        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["sbom"] = sbomPath });
        Assert.Contains("SBOM written", result.Summary);

        var text = File.ReadAllText(sbomPath);
        var schema = JsonSchema.FromText(Schema);
        var evaluation = schema.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var bom = JsonDocument.Parse(text).RootElement;
        var components = bom.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("purl").GetString()!);
        Assert.Contains("pkg:npm/%40scope/ui@1.2.0", components.Keys);
        Assert.Equal("optional", components["pkg:npm/jest@29.7.0"].GetProperty("scope").GetString());
        Assert.Equal("required", components["pkg:pypi/django-rest@3.15.1"].GetProperty("scope").GetString());
        Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.3", components.Keys);
        // A range is never turned into a version: the component has none, the range is a property.
        var requests = components["pkg:pypi/requests"];
        Assert.False(requests.TryGetProperty("version", out _));
        Assert.Contains(requests.GetProperty("properties").EnumerateArray(), p => p.GetProperty("value").GetString() == ">=2");
        var refs = components.Values.Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        var root = bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "root");
        Assert.All(root.GetProperty("dependsOn").EnumerateArray(), r => Assert.Contains(r.GetString(), refs));
    }

    [Theory]
    [InlineData("npm", "lodash", "4.17.20", "pkg:npm/lodash@4.17.20")]
    [InlineData("npm", "@babel/core", "7.0.0-beta.1", "pkg:npm/%40babel/core@7.0.0-beta.1")]
    [InlineData("PyPI", "Python_Jose", "3.3.0", "pkg:pypi/python-jose@3.3.0")]
    [InlineData("PyPI", "torch", "2.2.0+cpu", "pkg:pypi/torch@2.2.0%2Bcpu")]
    [InlineData("NuGet", "Serilog", null, "pkg:nuget/Serilog")]
    public void Purls(string ecosystem, string name, string? version, string expected) =>
        Assert.Equal(expected, Purl.For(EcosystemNames.FromOsvName(ecosystem)!.Value, name, version));
}
