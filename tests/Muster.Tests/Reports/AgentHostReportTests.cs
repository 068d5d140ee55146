using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>The host an agent ran on reaches every report; the fixture has agents on three hosts and some with none.</summary>
public class AgentHostReportTests
{
    [Fact]
    public async Task The_html_timeline_labels_each_started_agent_with_its_host_encoded()
    {
        var html = await ReportWriter.RenderAsync(HtmlReportFixture.Outcome(), ReportFormat.Html, HtmlReportFixture.Options());

        var timeline = html[html.IndexOf("id=\"timeline\"", StringComparison.Ordinal)..html.IndexOf("id=\"infrastructure\"", StringComparison.Ordinal)];
        Assert.Matches("env-scan: succeeded, [^<]*, on workstation</title>", timeline);
        Assert.Contains("running · aws|eu-1</text>", timeline, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Matches(timeline, "class=\"bar-label\"[^>]*>[^<]* · ").Count);
    }

    [Fact]
    public async Task Sarif_results_carry_the_host_of_the_agent_that_found_them()
    {
        var sarif = JsonNode.Parse(await ReportWriter.RenderAsync(ReportFixture.Representative(), ReportFormat.Sarif, GoldenReportTests.Options))!;

        var results = sarif["runs"]![0]!["results"]!.AsArray();
        Assert.NotEmpty(results);
        var expected = new Dictionary<string, string> { ["env-scan"] = "workstation", ["inventory"] = "workstation", ["architecture-review"] = "vps1", ["gap-analysis"] = "workstation" };
        Assert.All(results, r => Assert.Equal(expected[r!["properties"]!["agentId"]!.GetValue<string>()], r!["properties"]!["host"]!.GetValue<string>()));
    }
}
