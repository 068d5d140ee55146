using System.Text.Json.Nodes;
using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

public class SarifReportTests
{
    private static Task<string> Render(RunOutcome outcome, ReportOptions? options = null) =>
        ReportWriter.RenderAsync(outcome, ReportFormat.Sarif, options ?? GoldenReportTests.Options);

    [Fact]
    public void Embedded_schema_is_the_sarif_2_1_0_schema()
    {
        var schema = JsonNode.Parse(SarifSchema.Text())!;

        Assert.Contains("2.1.0", schema["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2.1.0", schema["properties"]!["version"]!["enum"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Representative_report_is_valid_against_the_official_schema()
    {
        var results = SarifSchema.Validate(await Render(ReportFixture.Representative()));

        Assert.True(results.IsValid, SarifSchema.Describe(results));
    }

    [Fact]
    public async Task Empty_run_is_valid_against_the_official_schema()
    {
        var outcome = new RunOutcome { RunId = "r0", PlanName = "empty", Root = "/tmp/empty", Status = RunStatus.Running };

        var results = SarifSchema.Validate(await Render(outcome, ReportOptions.Default));

        Assert.True(results.IsValid, SarifSchema.Describe(results));
    }

    [Fact]
    public async Task Schema_validation_rejects_a_broken_report()
    {
        // Guards the validation itself: a report with a level SARIF does not define must fail.
        var broken = (await Render(ReportFixture.Representative())).Replace("\"level\": \"note\"", "\"level\": \"info\"", StringComparison.Ordinal);

        Assert.False(SarifSchema.Validate(broken).IsValid);
    }

    [Fact]
    public async Task Every_finding_becomes_exactly_one_result_with_the_contract_fields()
    {
        var outcome = ReportFixture.Representative();
        var sarif = JsonNode.Parse(await Render(outcome))!;
        var run = sarif["runs"]!.AsArray().Single()!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", sarif["$schema"]!.GetValue<string>());
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        Assert.Equal("Muster", run["tool"]!["driver"]!["name"]!.GetValue<string>());
        Assert.Equal("file:///srv/audit/ziggie/", run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>());
        Assert.Equal(outcome.Findings.Count, results.Count);
        Assert.Equal(outcome.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal),
            rules.Select(r => r!["id"]!.GetValue<string>()));

        foreach (var (finding, result) in outcome.Findings.Zip(results))
        {
            var ruleIndex = result!["ruleIndex"]!.GetValue<int>();
            Assert.Equal(finding.RuleId, result["ruleId"]!.GetValue<string>());
            Assert.Equal(finding.RuleId, rules[ruleIndex]!["id"]!.GetValue<string>());
            Assert.Equal(ExpectedLevel(finding.Severity), result["level"]!.GetValue<string>());
            Assert.Equal(finding.Message, result["message"]!["text"]!.GetValue<string>());
            Assert.Equal(finding.Severity.ToLabel(), result["properties"]!["severity"]!.GetValue<string>());
            Assert.Equal(finding.Category, result["properties"]!["category"]!.GetValue<string>());
            var fingerprints = result["partialFingerprints"]!;
            var musterFingerprint = fingerprints["musterFingerprint/v1"]!.GetValue<string>();
            Assert.Matches("^[0-9a-f]{32}$", musterFingerprint);
            if (finding.Fingerprint.Length > 0) Assert.Equal(finding.Fingerprint, musterFingerprint);
            Assert.Equal(musterFingerprint + ":1", fingerprints["primaryLocationLineHash"]!.GetValue<string>());

            if (finding.Location is null)
            {
                Assert.Null(result["locations"]);
                continue;
            }
            var physical = result["locations"]!.AsArray().Single()!["physicalLocation"]!;
            var artifact = physical["artifactLocation"]!;
            Assert.Equal("%SRCROOT%", artifact["uriBaseId"]!.GetValue<string>());
            Assert.Equal(finding.Location.Path, Uri.UnescapeDataString(artifact["uri"]!.GetValue<string>()));
            var region = physical["region"]!;
            Assert.Equal(Math.Max(1, finding.Location.Line), region["startLine"]!.GetValue<int>());
            if (finding.Location.Column > 0) Assert.Equal(finding.Location.Column, region["startColumn"]!.GetValue<int>());
            else Assert.Null(region["startColumn"]);
            Assert.Equal(finding.Evidence, region["snippet"]?["text"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Rules_carry_descriptions_help_and_security_severity_of_their_worst_finding()
    {
        var sarif = JsonNode.Parse(await Render(ReportFixture.Representative()))!;
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());

        var secret = rules["secrets/anthropic-api-key"]!;
        Assert.Equal("Anthropic API key in plaintext", secret["shortDescription"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(secret["fullDescription"]!["text"]!.GetValue<string>()));
        Assert.Equal("Rotate the key now, then move it to a secrets manager.", secret["help"]!["text"]!.GetValue<string>());
        Assert.Equal("SecretsAnthropicApiKey", secret["name"]!.GetValue<string>());
        Assert.Equal("9.5", secret["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Equal("8.0", rules["ci/missing-pipeline"]!["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Equal("5.5", rules["docs/status-drift"]!["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Equal("2.0", rules["docs/naming"]!["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Null(rules["gaps/summary"]!["properties"]!["security-severity"]);
    }

    [Fact]
    public async Task Unlocated_finding_points_at_the_configured_path_when_one_is_given()
    {
        var options = GoldenReportTests.Options with { SarifUnlocatedFindingPath = "plans/audit.muster.yaml" };
        var sarif = JsonNode.Parse(await Render(ReportFixture.Representative(), options))!;

        var result = sarif["runs"]![0]!["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "gaps/summary")!;
        var physical = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("plans/audit.muster.yaml", physical["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(1, physical["region"]!["startLine"]!.GetValue<int>());
        Assert.True(SarifSchema.Validate(sarif.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("src/app.py", "src/app.py")]
    [InlineData("./src/app.py", "src/app.py")]
    [InlineData("src\\win\\app.cs", "src/win/app.cs")]
    [InlineData("docs/a b#1?.md", "docs/a%20b%231%3F.md")]
    [InlineData("/srv/audit/ziggie/config/.env", "config/.env")]
    public async Task Artifact_uris_are_root_relative_and_escaped(string path, string expectedUri)
    {
        var sarif = JsonNode.Parse(await Render(WithOneFinding(new SourceLocation(path, 2))))!;

        var artifact = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(expectedUri, artifact["uri"]!.GetValue<string>());
        Assert.Equal("%SRCROOT%", artifact["uriBaseId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Absolute_path_outside_the_root_becomes_a_file_uri_without_base()
    {
        var sarif = JsonNode.Parse(await Render(WithOneFinding(new SourceLocation("/etc/hosts", 1))))!;

        var artifact = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("file:///etc/hosts", artifact["uri"]!.GetValue<string>());
        Assert.Null(artifact["uriBaseId"]);
    }

    private static string ExpectedLevel(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static RunOutcome WithOneFinding(SourceLocation location) => new()
    {
        RunId = "r1",
        PlanName = "one",
        Root = ReportFixture.Root,
        Status = RunStatus.Completed,
        Agents =
        [
            new AgentOutcome
            {
                AgentId = "a", Kind = "k", Role = AgentRole.Scanner, WaveIndex = 0, State = AgentState.Succeeded,
                Result = new AgentResult
                {
                    Findings =
                    [
                        new Finding
                        {
                            RuleId = "r/one", Title = "One", Severity = Severity.Low, Category = "test",
                            Message = "m", Location = location, AgentId = "a",
                        }.WithDefaultFingerprint(),
                    ],
                },
            },
        ],
    };
}
