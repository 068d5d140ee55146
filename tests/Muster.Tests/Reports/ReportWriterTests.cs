using Muster.Reports;

namespace Muster.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "muster-reports-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData(" JSON ", ReportFormat.Json)]
    [InlineData("Sarif", ReportFormat.Sarif)]
    [InlineData("HTML", ReportFormat.Html)]
    public void Parses_format_names(string name, ReportFormat expected)
    {
        Assert.Equal(expected, ReportWriter.ParseFormat(name));
    }

    [Fact]
    public void Unknown_format_lists_the_known_ones()
    {
        var error = Assert.Throws<FormatException>(() => ReportWriter.ParseFormat("xml"));

        Assert.Contains("'xml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("md, json, sarif, html", error.Message, StringComparison.Ordinal);
        Assert.False(ReportWriter.TryParseFormat("pdf", out _));
    }

    [Fact]
    public void Parses_a_comma_separated_list_keeping_order_and_dropping_duplicates()
    {
        Assert.Equal([ReportFormat.Sarif, ReportFormat.Markdown], ReportWriter.ParseFormats("sarif, md,markdown"));
        Assert.Throws<FormatException>(() => ReportWriter.ParseFormats(" , "));
        Assert.Throws<FormatException>(() => ReportWriter.ParseFormats("md,xml"));
    }

    [Fact]
    public void Every_format_has_a_writer_and_its_own_file()
    {
        Assert.Equal(Enum.GetValues<ReportFormat>(), ReportWriter.AllFormats);
        Assert.Equal(["report.md", "report.json", "report.sarif", "report.html", "summary.md"], ReportWriter.AllFormats.Select(ReportWriter.FileNameOf));
    }

    [Fact]
    public async Task Writes_each_requested_report_and_returns_its_path()
    {
        var outcome = ReportFixture.Representative();

        var written = await ReportWriter.WriteAsync(outcome, _directory, ReportWriter.AllFormats, GoldenReportTests.Options);

        Assert.Equal(
            new[] { "report.md", "report.json", "report.sarif", "report.html", "summary.md", "artifacts/" }
                .Select(name => Path.Combine(_directory, name.Replace('/', Path.DirectorySeparatorChar))),
            written);
        foreach (var format in ReportWriter.AllFormats)
        {
            var path = Path.Combine(_directory, ReportWriter.FileNameOf(format));
            // report.html written to disk also links the artifacts exported beside it; rendered in memory it cannot.
            if (format != ReportFormat.Html) Assert.Equal(await ReportWriter.RenderAsync(outcome, format, GoldenReportTests.Options), await File.ReadAllTextAsync(path));
        }
        Assert.Equal(5, Directory.GetFiles(_directory).Length);
    }

    [Fact]
    public async Task Overwrites_an_existing_report_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(_directory);
        var target = Path.Combine(_directory, "report.json");
        await File.WriteAllTextAsync(target, "stale");

        var written = await ReportWriter.WriteAsync(ReportFixture.Representative(), _directory, [ReportFormat.Json, ReportFormat.Json]);

        Assert.Equal([target], written);
        Assert.StartsWith("{", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
        Assert.Equal([target], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Cancelled_write_keeps_the_previous_report_and_removes_the_temporary_file()
    {
        Directory.CreateDirectory(_directory);
        var target = Path.Combine(_directory, "report.sarif");
        await File.WriteAllTextAsync(target, "previous");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ReportWriter.WriteAsync(ReportFixture.Representative(), _directory, [ReportFormat.Sarif], null, cancelled.Token));

        Assert.Equal("previous", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(_directory));
    }
}
