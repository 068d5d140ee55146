using System.Text;
using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

public class SummaryReportTests
{
    [Fact]
    public async Task Digest_of_a_10000_finding_run_stays_under_60_kb_and_a_github_comment()
    {
        var previous = ManyFindingsRun.Create(10_000, "20260131-090000-prev", offset: 5_000);
        var outcome = ManyFindingsRun.Create(10_000);
        var options = GoldenReportTests.Options with { PreviousOutcome = previous, RepositoryFileUri = "https://github.com/o/r/blob/0123abc" };

        var text = await ReportWriter.RenderAsync(outcome, ReportFormat.Summary, options);

        var bytes = Encoding.UTF8.GetByteCount(text);
        Assert.True(bytes < 60_000, $"summary is {bytes:N0} bytes");
        Assert.True(bytes > 40_000, $"summary is only {bytes:N0} bytes: the budget is not used");
        Assert.True(text.Length < 65_536);
        // New gaps first, then what is still open, then what went away, then the findings.
        var order = new[] { "### New since run 20260131-090000-prev", "### Still open", "### Gone since run", "### Top findings" }
            .Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order.Take(2));
        Assert.Equal(order.Where(i => i >= 0).Order(), order.Where(i => i >= 0));
        Assert.Matches(@"… and [\d,]+ more", text);
        Assert.Contains("| Gate | Result | Why |", text, StringComparison.Ordinal);
        Assert.Contains("](https://github.com/o/r/blob/0123abc/services/service-", text, StringComparison.Ordinal);
        Assert.Contains("[GHSA-35jh-r3h4-6jhm](https://github.com/advisories/GHSA-35jh-r3h4-6jhm)", text, StringComparison.Ordinal);
        Assert.EndsWith("report.sarif</sub>\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_run_digest_lists_every_gap_as_new_and_names_the_gates()
    {
        var text = await ReportWriter.RenderAsync(ReportFixture.Representative(), ReportFormat.Summary, GoldenReportTests.Options);

        Assert.Contains("## Muster: session-a \\| ecosystem audit — ", text, StringComparison.Ordinal);
        Assert.Contains("### Gaps (first run: all new)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Still open", text, StringComparison.Ordinal);
        Assert.Contains("**Not verified:**", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportFixture.Secret, text, StringComparison.Ordinal);
        Assert.Equal(text, await ReportWriter.RenderAsync(ReportFixture.Representative(), ReportFormat.Summary, GoldenReportTests.Options));
    }

    [Fact]
    public async Task A_run_with_no_gap_says_so()
    {
        var outcome = new RunOutcome { RunId = "r", PlanName = "p", Root = "/tmp/p", Status = RunStatus.Completed };

        var text = await ReportWriter.RenderAsync(outcome, ReportFormat.Summary, GoldenReportTests.Options);

        Assert.Contains("None.", text, StringComparison.Ordinal);
        Assert.Contains("No finding above INFO.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_is_a_format_of_its_own_file()
    {
        Assert.Equal(ReportFormat.Summary, ReportWriter.ParseFormat("summary"));
        Assert.Equal("summary.md", ReportWriter.FileNameOf(ReportFormat.Summary));
    }
}
