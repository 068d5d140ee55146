using System.Text.Json.Nodes;
using Muster.Engine;
using Muster.Reports;
using Muster.Tests.Golden;

namespace Muster.Tests.Reports;

public class JsonReportTests
{
    private static async Task<JsonNode> Render(RunOutcome outcome) =>
        JsonNode.Parse(await ReportWriter.RenderAsync(outcome, ReportFormat.Json, GoldenReportTests.Options))!;

    [Fact]
    public async Task Has_schema_version_run_and_totals()
    {
        var json = await Render(ReportFixture.Representative());

        Assert.Equal(1, json["schemaVersion"]!.GetValue<int>());
        Assert.Equal("stopped", json["run"]!["status"]!.GetValue<string>());
        Assert.Equal(462500, json["run"]!["durationMs"]!.GetValue<double>());
        Assert.Equal(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"],
            json["totals"]!["findingsBySeverity"]!.AsObject().Select(p => p.Key));
        Assert.Equal(2, json["totals"]!["findingsBySeverity"]!["INFO"]!.GetValue<int>());
        Assert.Equal(1, json["totals"]!["agentsByState"]!["timed-out"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_finding_is_written_with_all_its_fields()
    {
        var outcome = ReportFixture.Representative();
        var findings = (await Render(outcome))["findings"]!.AsArray();

        Assert.Equal(outcome.Findings.Count, findings.Count);
        foreach (var (finding, node) in outcome.Findings.Zip(findings))
        {
            Assert.Equal(finding.RuleId, node!["ruleId"]!.GetValue<string>());
            Assert.Equal(finding.Title, node["title"]!.GetValue<string>());
            Assert.Equal(finding.Severity.ToString().ToUpperInvariant(), node["severity"]!.GetValue<string>());
            Assert.Equal(finding.Category, node["category"]!.GetValue<string>());
            Assert.Equal(finding.Message, node["message"]!.GetValue<string>());
            Assert.Equal(finding.Location?.Path, node["location"]?["path"]?.GetValue<string>());
            Assert.Equal(finding.Evidence, node["evidence"]?.GetValue<string>());
            Assert.Equal(finding.Remediation, node["remediation"]?.GetValue<string>());
            Assert.Equal(finding.AgentId, node["agentId"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(node["fingerprint"]!.GetValue<string>()));
            Assert.Equal(finding.Properties.Count, node["properties"]!.AsObject().Count);
        }
    }

    [Fact]
    public async Task Agents_carry_state_labels_markers_and_metrics()
    {
        var agents = (await Render(ReportFixture.Representative()))["agents"]!.AsArray()
            .ToDictionary(a => a!["id"]!.GetValue<string>());

        Assert.Equal("timed-out", agents["tools-research"]!["state"]!.GetValue<string>());
        Assert.True(agents["env-scan"]!["wentOverdue"]!.GetValue<bool>());
        Assert.True(agents["inventory"]!["reused"]!.GetValue<bool>());
        Assert.Equal(0.1234, agents["architecture-review"]!["metrics"]!["cost_usd"]!.GetValue<double>());
        Assert.Contains("unexpected key", agents["compose-check"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(agents["docs-check"]!["startedAt"]);
    }

    [Fact]
    public async Task Non_finite_metrics_are_written_as_strings_not_dropped()
    {
        var outcome = ReportFixture.Representative() with
        {
            Agents =
            [
                ReportFixture.Representative().Agents[0] with
                {
                    Result = new Muster.Model.AgentResult { Metrics = new Dictionary<string, double> { ["ratio"] = double.NaN } },
                },
            ],
        };

        var json = await Render(outcome);

        Assert.Equal("NaN", json["agents"]![0]!["metrics"]!["ratio"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_field_is_documented()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(GoldenFile.RepositoryRoot(), "docs", "report-json.md"));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        CollectFieldNames(await Render(ReportFixture.Representative()), names);

        Assert.NotEmpty(names);
        var undocumented = names.Where(name => !docs.Contains("`" + name + "`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "Not in docs/report-json.md: " + string.Join(", ", undocumented));
    }

    // Keys of free-form maps (metrics, properties, counts by state or severity) are data, not fields.
    private static readonly HashSet<string> Maps = ["metrics", "properties", "agentsByState", "findingsBySeverity", "gapsBySeverity"];

    private static void CollectFieldNames(JsonNode? node, ISet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    names.Add(name);
                    if (!Maps.Contains(name)) CollectFieldNames(value, names);
                }
                break;
            case JsonArray array:
                foreach (var item in array) CollectFieldNames(item, names);
                break;
        }
    }
}
