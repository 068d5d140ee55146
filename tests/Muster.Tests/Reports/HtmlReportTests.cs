using System.Text.RegularExpressions;
using Muster.Reports;

namespace Muster.Tests.Reports;

public class HtmlReportTests
{
    private static Task<string> Render() =>
        ReportWriter.RenderAsync(HtmlReportFixture.Outcome(), ReportFormat.Html, HtmlReportFixture.Options());

    [Fact]
    public async Task Hostile_text_from_findings_is_encoded_never_markup()
    {
        var html = await Render();

        Assert.DoesNotContain(HtmlReportFixture.HostileTitle, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>broken</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.Contains("data-path=\"web/&lt;evil&gt;.ts\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public async Task The_page_is_self_contained_with_no_external_reference()
    {
        var html = await Render();

        // Nothing is loaded (no src, no stylesheet link); links only navigate: to anchors, files beside the page, or
        // documentation and advisories in a new tab.
        Assert.DoesNotMatch("\\ssrc\\s*=", html.Replace("img src=x", "", StringComparison.Ordinal));
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (Match link in Regex.Matches(html, "<a href=\"(https://[^\"]+)\"([^>]*)>"))
        {
            Assert.Contains("rel=\"noopener noreferrer\"", link.Groups[2].Value, StringComparison.Ordinal);
        }
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sections_appear_in_the_retrospective_order_and_unverified_deployments_say_so()
    {
        var html = await Render();

        var order = new[] { "id=\"summary\"", "id=\"gates\"", "id=\"gaps\"", "id=\"actions\"", "id=\"timeline\"", "id=\"infrastructure\"", "id=\"trend\"", "id=\"findings\"", "id=\"files\"" }
            .Select(id => html.IndexOf(id, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("deployed: not verified", html, StringComparison.Ordinal);
        Assert.Contains("⚠ overdue", html, StringComparison.Ordinal);
        Assert.Equal(await Render(), html);
    }
}
