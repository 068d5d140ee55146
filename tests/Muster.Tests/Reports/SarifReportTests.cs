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
                Assert.NotNull(result["properties"]!["locationAnchor"]);
                Assert.Single(result["locations"]!.AsArray());
                continue;
            }
            Assert.Null(result["properties"]!["locationAnchor"]);
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
    public async Task Rules_carry_descriptions_help_and_security_severity_only_for_security_categories()
    {
        var sarif = JsonNode.Parse(await Render(ReportFixture.Representative()))!;
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());

        var secret = rules["secrets/anthropic-api-key"]!;
        Assert.Equal("Anthropic API key in plaintext", secret["shortDescription"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(secret["fullDescription"]!["text"]!.GetValue<string>()));
        Assert.Contains("Rotate the key now, then move it to a secrets manager.", secret["help"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("**Fix.** Rotate the key now", secret["help"]!["markdown"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SecretsAnthropicApiKey", secret["name"]!.GetValue<string>());
        Assert.Equal("9.5", secret["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Equal("security", secret["properties"]!["tags"]![0]!.GetValue<string>());
        Assert.Null(secret["properties"]!["problem.severity"]);

        // Delivery, verification and documentation rules are not security alerts: problem.severity instead.
        foreach (var (id, problem) in new[] { ("ci/missing-pipeline", "error"), ("docs/status-drift", "warning"), ("docs/naming", "recommendation"), ("gaps/summary", "recommendation") })
        {
            var properties = rules[id]!["properties"]!;
            Assert.Null(properties["security-severity"]);
            Assert.Equal(problem, properties["problem.severity"]!.GetValue<string>());
            Assert.DoesNotContain("security", properties["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Driver_names_the_tool_version_home_and_run_category()
    {
        var run = JsonNode.Parse(await Render(ReportFixture.Representative()))!["runs"]![0]!;
        var driver = run["tool"]!["driver"]!;

        Assert.Equal("Muster 0.1.0-test", driver["fullName"]!.GetValue<string>());
        Assert.Equal("0.1.0-test", driver["version"]!.GetValue<string>());
        Assert.Equal("0.1.0-test", driver["semanticVersion"]!.GetValue<string>());
        Assert.Equal("https://example.org/muster", driver["informationUri"]!.GetValue<string>());
        Assert.StartsWith("muster/", run["automationDetails"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/" + ReportFixture.Representative().RunId, run["automationDetails"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_tool_version_is_the_package_version()
    {
        var driver = JsonNode.Parse(await Render(ReportFixture.Representative(), ReportOptions.Default))!["runs"]![0]!["tool"]!["driver"]!;

        Assert.Equal("0.1.0", driver["version"]!.GetValue<string>());
        Assert.NotNull(driver["informationUri"]);
    }

    [Fact]
    public async Task Rule_titles_are_rule_level_when_findings_carry_specifics()
    {
        Finding Claim(string subject, int line) => new Finding
        {
            RuleId = "x/claim",
            Title = "Status claim UNVERIFIED: " + subject,
            Severity = Severity.Medium,
            Category = "infrastructure",
            Message = subject + " could not be checked",
            Location = new SourceLocation("STATUS.md", line),
            AgentId = "a",
        }.WithDefaultFingerprint(subject);
        var outcome = WithFindings(Claim("containers", 1), Claim("AWS services", 2), Claim("MCP servers", 3));

        var rule = JsonNode.Parse(await Render(outcome))!["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!;

        Assert.Equal("Status claim UNVERIFIED", rule["shortDescription"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalog_rules_get_their_catalog_title_and_a_help_uri_to_their_docs_section()
    {
        var outcome = WithFindings(new Finding
        {
            RuleId = "MUSTER-INFRA-UNVERIFIED",
            Title = "Status claim UNVERIFIED: containers",
            Severity = Severity.High,
            Category = "infrastructure",
            Message = "m",
            Location = new SourceLocation("STATUS.md", 4),
            AgentId = "infra-state",
        }.WithDefaultFingerprint());
        var options = GoldenReportTests.Options with { DocsBaseUri = "https://example.org/muster/docs/" };

        var rule = JsonNode.Parse(await Render(outcome, options))!["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!;

        Assert.Equal("Status claim not verified", rule["shortDescription"]!["text"]!.GetValue<string>());
        Assert.Equal("https://example.org/muster/docs/rules.md#muster-infra-unverified", rule["helpUri"]!.GetValue<string>());
        Assert.Equal("MusterInfraUnverified", rule["name"]!.GetValue<string>());
        Assert.Equal("error", rule["properties"]!["problem.severity"]!.GetValue<string>());
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

    [Fact]
    public async Task Uris_are_relative_to_the_git_root_with_version_control_provenance()
    {
        var outcome = WithOneFinding(new SourceLocation("src/app.py", 2)) with { Root = "/repo/services/api" };
        var options = GoldenReportTests.Options with
        {
            VersionControl = new VersionControlInfo("https://github.com/o/r", "0123456789abcdef0123456789abcdef01234567", "main", "/repo"),
        };

        var run = JsonNode.Parse(await Render(outcome, options))!["runs"]![0]!;

        Assert.Equal("services/api/src/app.py", run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("file:///repo/", run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>());
        var provenance = run["versionControlProvenance"]![0]!;
        Assert.Equal("https://github.com/o/r", provenance["repositoryUri"]!.GetValue<string>());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", provenance["revisionId"]!.GetValue<string>());
        Assert.Equal("main", provenance["branch"]!.GetValue<string>());
        Assert.Equal("%SRCROOT%", provenance["mappedTo"]!["uriBaseId"]!.GetValue<string>());
        Assert.True(SarifSchema.Validate(run.Root.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("/repo/services/api", "/repo", "services/api/src/app.py")]
    [InlineData("/repo/services/api", "/repo/services/api", "src/app.py")]
    [InlineData("/repo/services/api", "/elsewhere", "src/app.py")]
    [InlineData("/repo", "/repo/", "src/app.py")]
    public async Task Sarif_root_override_decides_what_uris_are_relative_to(string audited, string sarifRoot, string expected)
    {
        var outcome = WithOneFinding(new SourceLocation("src/app.py", 2)) with { Root = audited };

        var run = JsonNode.Parse(await Render(outcome, GoldenReportTests.Options with { SarifRoot = sarifRoot }))!["runs"]![0]!;

        Assert.Equal(expected, run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Runs_over_the_result_cap_keep_the_worst_results_and_say_how_many_were_left_out()
    {
        var findings = Enumerable.Range(0, 30).Select(i => new Finding
        {
            RuleId = "r/many",
            Title = "Many",
            Severity = i < 5 ? Severity.High : Severity.Low,
            Category = "test",
            Message = "m" + i,
            Location = new SourceLocation("f.txt", i + 1),
            AgentId = "a",
        }.WithDefaultFingerprint("m" + i)).ToArray();

        var run = JsonNode.Parse(await Render(WithFindings(findings), GoldenReportTests.Options with { SarifMaxResults = 10 }))!["runs"]![0]!;

        var results = run["results"]!.AsArray();
        Assert.Equal(10, results.Count);
        Assert.Equal(5, results.Count(r => r!["level"]!.GetValue<string>() == "error"));
        Assert.Equal(30, run["properties"]!["resultsTotal"]!.GetValue<int>());
        Assert.Equal(20, run["properties"]!["resultsOmitted"]!.GetValue<int>());
        var note = run["invocations"]![0]!["toolExecutionNotifications"]![0]!;
        Assert.Equal("warning", note["level"]!.GetValue<string>());
        Assert.Contains("report.md", note["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(SarifSchema.Validate(run.Root.ToJsonString()).IsValid);
    }

    [Fact]
    public async Task Unlocated_findings_are_anchored_to_their_agents_file_then_its_other_findings()
    {
        Finding Of(string agent, SourceLocation? location, string message) => new Finding
        {
            RuleId = "r/" + agent,
            Title = "T",
            Severity = Severity.Medium,
            Category = "test",
            Message = message,
            Location = location,
            AgentId = agent,
        }.WithDefaultFingerprint(message);
        var outcome = WithFindings(
            Of("configured", null, "a"),
            Of("sibling", new SourceLocation("b/located.txt", 3), "b1"),
            Of("sibling", null, "b2"),
            Of("lonely", null, "c"));
        var options = GoldenReportTests.Options with { UnlocatedFindingPaths = new Dictionary<string, string> { ["configured"] = "rules/mine.yaml" } };

        var results = JsonNode.Parse(await Render(outcome, options))!["runs"]![0]!["results"]!.AsArray()
            .ToDictionary(r => r!["message"]!["text"]!.GetValue<string>());

        string Uri(string message) => results[message]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>();
        Assert.Equal("rules/mine.yaml", Uri("a"));
        Assert.Equal("agent configuration", results["a"]!["properties"]!["locationAnchor"]!.GetValue<string>());
        Assert.Equal("b/located.txt", Uri("b2"));
        Assert.Equal("first file of the same agent", results["b2"]!["properties"]!["locationAnchor"]!.GetValue<string>());
        Assert.Equal("b/located.txt", Uri("c"));
        Assert.Equal("first file of the run", results["c"]!["properties"]!["locationAnchor"]!.GetValue<string>());
    }

    private static string ExpectedLevel(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static RunOutcome WithFindings(params Finding[] findings) => WithOneFinding(new SourceLocation("x", 1)) is var run
        ? run with { Agents = [run.Agents[0] with { Result = new AgentResult { Findings = findings } }] }
        : run;

    internal static RunOutcome WithOneFinding(SourceLocation location) => new()
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
