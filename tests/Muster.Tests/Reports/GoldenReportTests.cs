using Muster.Reports;
using Muster.Tests.Golden;

namespace Muster.Tests.Reports;

public class GoldenReportTests
{
    internal static readonly ReportOptions Options = new()
    {
        ToolVersion = "0.1.0-test",
        ToolInformationUri = "https://example.org/muster",
    };

    [Theory]
    [InlineData(ReportFormat.Markdown, "representative.golden.md")]
    [InlineData(ReportFormat.Json, "representative.golden.json")]
    [InlineData(ReportFormat.Sarif, "representative.golden.sarif")]
    public async Task Representative_run_matches_golden_file(ReportFormat format, string golden)
    {
        var text = await ReportWriter.RenderAsync(ReportFixture.Representative(), format, Options);

        GoldenFile.AssertMatches(text, golden);
    }

    /// <summary>The representative run with what the retrospective sections draw: infrastructure, a trend, hostile text.</summary>
    [Theory]
    [InlineData(ReportFormat.Markdown, "retrospective.golden.md")]
    [InlineData(ReportFormat.Json, "retrospective.golden.json")]
    public async Task Retrospective_run_matches_golden_file(ReportFormat format, string golden)
    {
        var text = await ReportWriter.RenderAsync(HtmlReportFixture.Outcome(), format, HtmlReportFixture.Options());

        GoldenFile.AssertMatches(text, golden);
    }

    [Theory]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Sarif)]
    [InlineData(ReportFormat.Html)]
    public async Task Rendering_twice_gives_identical_text(ReportFormat format)
    {
        var first = await ReportWriter.RenderAsync(ReportFixture.Representative(), format, Options);
        var second = await ReportWriter.RenderAsync(ReportFixture.Representative(), format, Options);

        Assert.Equal(first, second);
    }
}
