using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Muster.Tests.Agents.Dependencies;

public sealed class SpdxTests
{
    // The constraints of the SPDX 2.3 JSON format the writer must meet, written here from the specification's field
    // definitions (clauses 6, 7, 11 and annex on relationship types). No package on the registries CI reaches ships
    // the official schema, so it cannot be fetched at test time; the writer's output for TestData/sbom/npm-v3 and two
    // real lockfiles was checked against spdx-spec v2.3's schemas/spdx-schema.json with ajv when it was written.
    private const string Schema = """
        {
          "type": "object",
          "required": ["spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "creationInfo", "packages", "relationships"],
          "additionalProperties": false,
          "properties": {
            "spdxVersion": { "const": "SPDX-2.3" },
            "dataLicense": { "const": "CC0-1.0" },
            "SPDXID": { "const": "SPDXRef-DOCUMENT" },
            "name": { "type": "string", "minLength": 1 },
            "documentNamespace": { "type": "string", "format": "uri", "pattern": "^[^#]+$" },
            "creationInfo": {
              "type": "object",
              "required": ["created", "creators"],
              "additionalProperties": false,
              "properties": {
                "created": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" },
                "creators": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^(Tool|Organization|Person): .+" } }
              }
            },
            "packages": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["SPDXID", "name", "downloadLocation"],
                "additionalProperties": false,
                "properties": {
                  "SPDXID": { "type": "string", "pattern": "^SPDXRef-[A-Za-z0-9.-]+$" },
                  "name": { "type": "string", "minLength": 1 },
                  "versionInfo": { "type": "string" },
                  "downloadLocation": { "type": "string" },
                  "filesAnalyzed": { "type": "boolean" },
                  "licenseConcluded": { "type": "string" },
                  "licenseDeclared": { "type": "string" },
                  "copyrightText": { "type": "string" },
                  "comment": { "type": "string" },
                  "primaryPackagePurpose": { "enum": ["APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "OPERATING-SYSTEM", "DEVICE", "FIRMWARE", "SOURCE", "ARCHIVE", "FILE", "INSTALL", "OTHER"] },
                  "checksums": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["algorithm", "checksumValue"],
                      "additionalProperties": false,
                      "properties": {
                        "algorithm": { "enum": ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3", "MD2", "MD4", "MD5", "MD6", "ADLER32"] },
                        "checksumValue": { "type": "string", "pattern": "^[0-9a-f]+$" }
                      }
                    }
                  },
                  "externalRefs": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["referenceCategory", "referenceType", "referenceLocator"],
                      "additionalProperties": false,
                      "properties": {
                        "referenceCategory": { "enum": ["SECURITY", "PACKAGE-MANAGER", "PERSISTENT-ID", "OTHER"] },
                        "referenceType": { "type": "string" },
                        "referenceLocator": { "type": "string", "pattern": "^\\S+$" }
                      }
                    }
                  }
                }
              }
            },
            "relationships": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["spdxElementId", "relationshipType", "relatedSpdxElement"],
                "additionalProperties": false,
                "properties": {
                  "spdxElementId": { "type": "string" },
                  "relatedSpdxElement": { "type": "string" },
                  "relationshipType": { "enum": ["DESCRIBES", "CONTAINS", "DEPENDS_ON", "DEV_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF"] }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Spdx_document_holds_the_same_graph_with_purls_checksums_and_dev_relationships()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", SbomTests.Fixture("package.json"))
            .Write("package-lock.json", SbomTests.Fixture("package-lock.json"));
        var doc = await WriteSpdx(ws);

        var packages = doc.GetProperty("packages").EnumerateArray().ToList();
        var relationships = doc.GetProperty("relationships").EnumerateArray()
            .Select(r => (From: r.GetProperty("spdxElementId").GetString()!, Type: r.GetProperty("relationshipType").GetString()!, To: r.GetProperty("relatedSpdxElement").GetString()!))
            .ToList();
        // The CycloneDX BOM's 49 nodes and 58 edges, plus the document's DESCRIBES.
        Assert.Equal(49, packages.Count);
        Assert.Equal(59, relationships.Count);
        var byPurl = packages.ToDictionary(p => p.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()!, p => p);
        var id = byPurl.ToDictionary(p => p.Key, p => p.Value.GetProperty("SPDXID").GetString()!);
        Assert.Contains(("SPDXRef-DOCUMENT", "DESCRIBES", id["pkg:npm/fixture-web@1.4.0"]), relationships);
        Assert.Contains((id["pkg:npm/fixture-web@1.4.0"], "DEPENDS_ON", id["pkg:npm/http-router@3.2.4"]), relationships);
        Assert.Contains((id["pkg:npm/test-runner@29.7.0"], "DEV_DEPENDENCY_OF", id["pkg:npm/fixture-web@1.4.0"]), relationships);
        Assert.Contains((id["pkg:npm/fs-watcher-native@2.3.3"], "OPTIONAL_DEPENDENCY_OF", id["pkg:npm/fixture-web@1.4.0"]), relationships);
        Assert.Contains((id["pkg:npm/http-router@3.2.4"], "DEPENDS_ON", id["pkg:npm/debug-lite@2.6.9"]), relationships);
        Assert.Equal(3, relationships.Count(r => r.Type == "DEV_DEPENDENCY_OF"));
        var checksum = byPurl["pkg:npm/http-router@3.2.4"].GetProperty("checksums")[0];
        Assert.Equal("SHA512", checksum.GetProperty("algorithm").GetString());
        Assert.Equal(128, checksum.GetProperty("checksumValue").GetString()!.Length);
        Assert.Equal("(MIT OR Apache-2.0)", byPurl["pkg:npm/fast-format@1.0.3"].GetProperty("licenseDeclared").GetString());
        Assert.StartsWith("Tool: muster-", doc.GetProperty("creationInfo").GetProperty("creators")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spdx_document_of_several_projects_contains_each_and_says_noassertion_for_free_text_licences()
    {
        using var ws = new TempWorkspace()
            .Write("web/package.json", """{ "name": "web", "version": "2.0.0", "license": "SEE LICENSE IN LICENSE.txt", "dependencies": { "left-pad": "^1.3.0" } }""")
            .Write("web/package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                  "": { "name": "web", "version": "2.0.0", "dependencies": { "left-pad": "^1.3.0" } },
                  "node_modules/left-pad": { "version": "1.3.0", "license": "WTFPL" } } }
                """)
            .Write("api/requirements.txt", "requests>=2\n");
        var doc = await WriteSpdx(ws);

        var packages = doc.GetProperty("packages").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var root = packages[Path.GetFileName(ws.Root)].GetProperty("SPDXID").GetString();
        Assert.Equal("SPDXRef-Root", root);
        var relationships = doc.GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("spdxElementId").GetString(), r.GetProperty("relationshipType").GetString(), r.GetProperty("relatedSpdxElement").GetString())).ToList();
        Assert.Contains((root, "CONTAINS", packages["web"].GetProperty("SPDXID").GetString()), relationships);
        Assert.Contains((root, "CONTAINS", packages["api"].GetProperty("SPDXID").GetString()), relationships);
        Assert.Equal("NOASSERTION", packages["web"].GetProperty("licenseDeclared").GetString());
        Assert.Equal("WTFPL", packages["left-pad"].GetProperty("licenseDeclared").GetString());
        // A range without a lockfile has no version and says so.
        Assert.False(packages["requests"].TryGetProperty("versionInfo", out _));
        Assert.Contains(">=2", packages["requests"].GetProperty("comment").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sbom_format_is_a_finding_and_no_file()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "requests==2.32.3\n");
        var sbomPath = Path.Combine(ws.Root, "out", "sbom.json");
        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["sbom"] = sbomPath, ["sbom-format"] = "swid" });
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DEP-SBOM-NOT-WRITTEN");
        Assert.Contains("cyclonedx or spdx", finding.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(sbomPath));
    }

    [Theory]
    [InlineData("swid", "--sbom-format must be cyclonedx or spdx, not 'swid'")]
    [InlineData("spdx", "--sbom-format needs --sbom FILE")]
    public async Task A_wrong_sbom_format_on_the_command_line_is_a_usage_error(string format, string message)
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "requests==2.32.3\n");
        var sbom = format == "swid" ? ["--sbom", Path.Combine(ws.Root, "sbom.json")] : Array.Empty<string>();
        var (code, _, stderr) = await CliRunner.RunAsync(["audit", ws.Root, "--output", Path.Combine(ws.Root, "out"), .. sbom, "--sbom-format", format]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WriteSpdx(TempWorkspace ws)
    {
        var sbomPath = Path.Combine(ws.Root, "out", "sbom.spdx.json");
        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["sbom"] = sbomPath, ["sbom-format"] = "spdx" });
        Assert.Contains("SPDX 2.3 SBOM written", result.Summary);
        var text = File.ReadAllText(sbomPath);
        var evaluation = JsonSchema.FromText(Schema).Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var doc = JsonDocument.Parse(text).RootElement.Clone();
        // Every relationship names a package of the document (or the document itself), and no id is used twice.
        var ids = doc.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("SPDXID").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var r in doc.GetProperty("relationships").EnumerateArray())
        {
            Assert.Contains(r.GetProperty("relatedSpdxElement").GetString(), ids);
            var from = r.GetProperty("spdxElementId").GetString();
            Assert.True(from == "SPDXRef-DOCUMENT" || ids.Contains(from!), from);
        }
        return doc;
    }
}
