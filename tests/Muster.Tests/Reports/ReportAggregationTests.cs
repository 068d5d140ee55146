using System.Text.Json.Nodes;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>
/// One flooding rule is listed as its first findings plus one "N more of RULE" entry that keeps the count and the
/// first locations; totals, gates and the gap register still count every finding.
/// </summary>
public class ReportAggregationTests
{
    private const int Threshold = 50;

    private static Finding Exposed(int i) => new Finding
    {
        RuleId = "secrets/sensitive-file-exposed",
        Title = "Sensitive file not covered by .gitignore",
        Severity = i % 7 == 0 ? Severity.Critical : Severity.High,
        Category = "security",
        Message = $"d/f{i:D5}.env is not ignored",
        Location = new SourceLocation($"d/f{i:D5}.env"),
        AgentId = "secrets",
    }.WithDefaultFingerprint($"f{i}");

    private static Finding Other(int i) => new Finding
    {
        RuleId = "MUSTER-TEST-SKIPPED",
        Title = "Skipped test",
        Severity = Severity.Medium,
        Category = "tests",
        Message = "skipped " + i,
        Location = new SourceLocation("t.py", i + 1),
        AgentId = "test-hygiene",
    }.WithDefaultFingerprint("t" + i);

    /// <param name="flood">Findings of the one flooding rule.</param>
    private static RunOutcome Outcome(int flood, int others = 10)
    {
        var run = SarifReportTests.WithOneFinding(new SourceLocation("x", 1));
        var findings = Enumerable.Range(0, flood).Select(Exposed).Concat(Enumerable.Range(0, others).Select(Other)).ToList();
        return run with { Agents = [run.Agents[0] with { Result = new AgentResult { Findings = findings } }] };
    }

    private static async Task<JsonNode> Json(RunOutcome outcome, ReportOptions? options = null) =>
        JsonNode.Parse(await ReportWriter.RenderAsync(outcome, ReportFormat.Json, options ?? GoldenReportTests.Options))!;

    [Fact]
    public async Task Beyond_the_threshold_one_aggregated_finding_per_severity_keeps_the_count_and_the_first_locations()
    {
        var report = await Json(Outcome(1_000)); // 143 CRITICAL (i % 7 == 0) and 857 HIGH of one rule

        var findings = report["findings"]!.AsArray();
        var flood = findings.Where(f => f!["ruleId"]!.GetValue<string>() == "secrets/sensitive-file-exposed").ToList();
        Assert.Equal(2 * (Threshold + 1), flood.Count);
        var aggregated = flood.Where(f => f!["aggregate"] is not null).ToDictionary(f => f!["severity"]!.GetValue<string>(), f => f!);
        Assert.Equal(143 - Threshold, aggregated["CRITICAL"]["aggregate"]!["count"]!.GetValue<int>());
        Assert.Equal(857 - Threshold, aggregated["HIGH"]["aggregate"]!["count"]!.GetValue<int>());
        var high = aggregated["HIGH"];
        var locations = high["aggregate"]!["locations"]!.AsArray();
        Assert.Equal(Threshold, locations.Count);
        Assert.StartsWith("807 more of secrets/sensitive-file-exposed", high["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("807", high["properties"]![ReportAggregation.CountProperty]!.GetValue<string>());
        // The listed findings and the aggregated ones are disjoint and together are every finding.
        var listed = flood.Where(f => f!["aggregate"] is null).Select(f => f!["location"]!["path"]!.GetValue<string>()).ToHashSet();
        Assert.DoesNotContain(locations, l => listed.Contains(l!["path"]!.GetValue<string>()));
        Assert.Equal(10, findings.Count(f => f!["ruleId"]!.GetValue<string>() == "MUSTER-TEST-SKIPPED"));
        Assert.Equal(1_010, findings.Sum(f => f!["aggregate"]?["count"]?.GetValue<int>() ?? 1));
    }

    [Fact]
    public async Task Totals_gaps_and_gates_count_every_finding()
    {
        var outcome = Outcome(1_000);
        var gaps = GapRegister.Build(outcome);
        var gates = GateEvaluator.Evaluate(outcome, gaps, GateSettings.Default);

        var report = await Json(outcome);

        Assert.Equal(1_010, report["totals"]!["findings"]!.GetValue<int>());
        Assert.Equal(143, report["totals"]!["findingsBySeverity"]!["CRITICAL"]!.GetValue<int>()); // i % 7 == 0 for i < 1000
        Assert.Equal(857, report["totals"]!["findingsBySeverity"]!["HIGH"]!.GetValue<int>());
        Assert.Equal(1_010, gaps.Gaps.Count);
        var security = gates.Single(g => g.Id == "security");
        Assert.Equal("1000 open security finding(s) at HIGH or above", security.Summary);
        Assert.Equal(security.Summary, report["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "security")!["summary"]!.GetValue<string>());

        var listedGaps = report["gaps"]!.AsArray();
        Assert.Equal(2 * (Threshold + 1) + 10, listedGaps.Count);
        var aggregatedGap = Assert.Single(listedGaps, g => g!["aggregate"] is not null && g["severity"]!.GetValue<string>() == "HIGH")!;
        Assert.Equal(857 - Threshold, aggregatedGap["aggregate"]!["count"]!.GetValue<int>());
        Assert.Equal(1_010, listedGaps.Sum(g => g!["aggregate"]?["count"]?.GetValue<int>() ?? 1));
        var actionIds = report["actionItems"]!.AsObject().SelectMany(p => p.Value!.AsArray()).Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains(aggregatedGap["id"]!.GetValue<string>(), actionIds);
        Assert.Equal(listedGaps.Count, actionIds.Count);
    }

    [Fact]
    public async Task At_the_threshold_nothing_is_aggregated()
    {
        var report = await Json(Outcome(Threshold));

        Assert.Equal(Threshold + 10, report["findings"]!.AsArray().Count);
        Assert.DoesNotContain(report["findings"]!.AsArray(), f => f!["aggregate"] is not null);
        Assert.DoesNotContain(report["gaps"]!.AsArray(), g => g!["aggregate"] is not null);
    }

    [Fact]
    public async Task Threshold_zero_lists_every_finding()
    {
        var report = await Json(Outcome(200), GoldenReportTests.Options with { AggregateThreshold = 0 });

        Assert.Equal(210, report["findings"]!.AsArray().Count);
        Assert.Equal(210, report["gaps"]!.AsArray().Count);
    }

    [Fact]
    public async Task Sarif_stays_valid_with_one_aggregated_result_and_its_related_locations()
    {
        var text = await ReportWriter.RenderAsync(Outcome(1_000), ReportFormat.Sarif, GoldenReportTests.Options);

        Assert.True(SarifSchema.Validate(text).IsValid);
        var run = JsonNode.Parse(text)!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        Assert.Equal(2 * (Threshold + 1) + 10, results.Count);
        var aggregated = results.Where(r => r!["relatedLocations"] is not null).ToList();
        Assert.Equal(2, aggregated.Count);
        Assert.All(aggregated, r => Assert.Equal(Threshold, r!["relatedLocations"]!.AsArray().Count));
        Assert.Equal(["807", "93"], aggregated.Select(r => r!["properties"]!["details"]![ReportAggregation.CountProperty]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var note = run["invocations"]![0]!["toolExecutionNotifications"]![0]!;
        Assert.Contains("1,010 findings in all", note["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_and_html_give_exact_counts_and_list_the_aggregated_entry()
    {
        var outcome = Outcome(1_000);

        var md = await ReportWriter.RenderAsync(outcome, ReportFormat.Markdown, GoldenReportTests.Options);
        var html = await ReportWriter.RenderAsync(outcome, ReportFormat.Html, GoldenReportTests.Options);

        Assert.Contains("### HIGH (857)", md, StringComparison.Ordinal);
        Assert.Contains("### CRITICAL (143)", md, StringComparison.Ordinal);
        Assert.Contains("more of secrets/sensitive-file-exposed", md, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **1010** |", md, StringComparison.Ordinal);
        Assert.True(md.Length < 200_000, $"report.md is {md.Length:N0} characters for 1,010 findings");
        Assert.Contains("1000 gaps", html, StringComparison.Ordinal);
        Assert.Contains("more gaps of secrets/sensitive-file-exposed", html, StringComparison.Ordinal);
    }
}
