using Microsoft.Playwright;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>
/// Opens report.html in the system's headless Chromium (Debian package, /usr/bin/chromium; scripts/ci-deps.sh
/// installs it) through Playwright, which is never allowed to download a browser of its own.
/// </summary>
public sealed class HtmlBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Report_renders_without_errors_or_requests_and_the_filters_change_what_is_shown()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ci-deps.sh (apt-get install chromium)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var written = await ReportWriter.WriteAsync(HtmlReportFixture.Outcome(), _dir, [ReportFormat.Html], HtmlReportFixture.Options());
        var report = written.First(p => p.EndsWith("report.html", StringComparison.Ordinal));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Request += (_, request) => requests.Add(request.Url);
        page.Dialog += async (_, dialog) => { problems.Add("dialog: " + dialog.Message); await dialog.DismissAsync(); };

        await page.GotoAsync(new Uri(report).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });

        Assert.Empty(problems);
        Assert.Equal([new Uri(report).AbsoluteUri], requests);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        var rows = page.Locator("#findings-table tbody tr");
        var visible = page.Locator("#findings-table tbody tr:not(.hidden)");
        var total = await rows.CountAsync();
        Assert.Equal(7, total);
        Assert.Equal(total, await visible.CountAsync());

        // The findings table is folded by default; open it as a reader would.
        await page.ClickAsync("#findings > details > summary");
        await page.SelectOptionAsync("#filter-severity", "CRITICAL");
        Assert.Equal(1, await visible.CountAsync());
        Assert.Equal("1 of 7 shown", await page.TextContentAsync("#filter-count"));

        await page.SelectOptionAsync("#filter-severity", "");
        await page.FillAsync("#filter-path", "EVIL");
        Assert.Equal(1, await visible.CountAsync());
        Assert.Contains("<script>window.__pwned=1</script>", await visible.First.TextContentAsync() ?? "", StringComparison.Ordinal);

        await page.FillAsync("#filter-path", "");
        await page.SelectOptionAsync("#filter-category", "documentation");
        Assert.Equal(1, await visible.CountAsync());
        await page.SelectOptionAsync("#filter-category", "");
        Assert.Equal(total, await visible.CountAsync());

        Assert.Equal(4, await page.Locator("svg.chart").CountAsync());
        Assert.True(await page.Locator("rect.agent-bar.overdue").CountAsync() >= 1);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-html-screenshot.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, $"screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Empty(problems);
    }
}
