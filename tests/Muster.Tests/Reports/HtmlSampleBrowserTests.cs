using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Muster.Tests.Reports;

/// <summary>
/// report.html of the real sample audit in headless Chromium: it fits a few screens with sections folded, every
/// link resolves (an anchor on the page or a file beside it; web links only to the known kinds), and no text
/// leaves its table cell or summary row when everything is unfolded.
/// </summary>
public sealed class HtmlSampleBrowserTests(ITestOutputHelper log) : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const int MaxFoldedHeight = 6_000;
    private const float ScreenshotTimeout = 120_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-html-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Sample_report_fits_the_screen_links_resolve_and_nothing_overflows()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ci-deps.sh (apt-get install chromium)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var output = await AuditTheSample();
        var report = Path.Combine(output, "report.html");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.GotoAsync(new Uri(report).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });

        var folded = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "report-html-sample-folded.png"), FullPage = true, Timeout = ScreenshotTimeout });
        Assert.True(folded < MaxFoldedHeight, $"folded page is {folded} px tall");

        // The "all open" view is the longest folded view.
        await page.ClickAsync("button[data-view=all]");
        var all = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        log.WriteLine($"page height at 1400 px wide: {folded} px folded (new since the last run), {all} px folded (all open)");
        Assert.True(all < MaxFoldedHeight, $"folded page in the all-open view is {all} px tall");

        var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        var unresolved = new List<string>();
        foreach (var href in links.Distinct())
        {
            if (href.StartsWith('#'))
            {
                if (!await page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", Uri.UnescapeDataString(href[1..]))) unresolved.Add(href);
            }
            else if (href.StartsWith("https://", StringComparison.Ordinal))
            {
                if (!KnownWebLink(href)) unresolved.Add(href);
            }
            else if (!File.Exists(Path.Combine(output, Uri.UnescapeDataString(href).Replace('/', Path.DirectorySeparatorChar))))
            {
                unresolved.Add(href);
            }
        }
        Assert.Empty(unresolved);
        Assert.True(links.Count(l => l.StartsWith("artifacts/", StringComparison.Ordinal)) > 0, "no artifact is linked");

        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var overflowing = await page.EvaluateAsync<string[]>(OverflowCheck);
        // Everything unfolded is tens of thousands of pixels: the first screen is what a reviewer looks at, and a
        // full-page capture of it outlasts any timeout on a loaded machine.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "report-html-sample-open.png"), Timeout = ScreenshotTimeout });
        Assert.Empty(overflowing);
        Assert.Empty(problems);
    }

    /// <summary>Cells and summary rows whose content reaches past their own box (1 px tolerance for rounding).</summary>
    private const string OverflowCheck = """
        () => {
          const bad = [];
          for (const box of document.querySelectorAll('td, th, details.rule > summary, .gap, pre.evidence')) {
            const r = box.getBoundingClientRect();
            if (r.width === 0) continue;
            if (box.scrollWidth > box.clientWidth + 1) { bad.push(`${box.tagName} scrolls: ${box.textContent.slice(0, 80)}`); continue; }
            for (const child of box.querySelectorAll('*')) {
              if (child.closest('svg') || child.closest('details:not([open])') !== box.closest('details:not([open])')) continue;
              const c = child.getBoundingClientRect();
              if (c.width === 0 && c.height === 0) continue;
              if (c.right > r.right + 1 || c.left < r.left - 1) { bad.push(`${child.tagName} in ${box.tagName}: ${child.textContent.slice(0, 80)}`); break; }
            }
          }
          return bad;
        }
        """;

    private static bool KnownWebLink(string href) =>
        href.StartsWith("https://github.com/advisories/GHSA-", StringComparison.Ordinal)
        || href.StartsWith("https://nvd.nist.gov/vuln/detail/CVE-", StringComparison.Ordinal)
        || href.StartsWith("https://github.com/muster-audit/muster/blob/main/docs/", StringComparison.Ordinal)
        || href.StartsWith("https://example.org/sample/blob/", StringComparison.Ordinal);

    private async Task<string> AuditTheSample()
    {
        var sample = Path.Combine(_dir, "sample");
        var setup = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Golden.GoldenFile.RepositoryRoot(), "samples", "setup.sh"), sample]) { RedirectStandardOutput = true })!;
        await setup.WaitForExitAsync();
        Assert.Equal(0, setup.ExitCode);
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = await CliRunner.RunAsync("audit", sample, "--output", output, "--fail-on", "none", "--format", "html,md");
        Assert.True(code is 0 or 1, stderr);
        return output;
    }
}
