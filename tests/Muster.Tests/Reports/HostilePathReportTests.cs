using System.Text.Json.Nodes;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>
/// A file may be named <c>..\..\..\..\..\etc\cron.d\evil.env</c>: on Linux that is one file in the root, and every
/// output must name it exactly so, never as a path that climbs out of the root for a consumer to resolve.
/// </summary>
public class HostilePathReportTests
{
    private const string HostileName = "..\\..\\..\\..\\..\\etc\\cron.d\\evil.env";

    private static Task<string> Render(ReportFormat format, string path, ReportOptions? options = null) =>
        ReportWriter.RenderAsync(SarifReportTests.WithOneFinding(new SourceLocation(path, 2)), format, options ?? GoldenReportTests.Options);

    [Fact]
    public async Task Sarif_percent_encodes_the_backslashes_of_a_file_name()
    {
        if (OperatingSystem.IsWindows()) return; // there a backslash is a separator and such a name cannot exist
        var sarif = JsonNode.Parse(await Render(ReportFormat.Sarif, HostileName))!;

        var artifact = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("..%5C..%5C..%5C..%5C..%5Cetc%5Ccron.d%5Cevil.env", artifact["uri"]!.GetValue<string>());
        Assert.Equal("%SRCROOT%", artifact["uriBaseId"]!.GetValue<string>());
        Assert.DoesNotContain("../", sarif.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_keeps_a_backslash_inside_a_folder_name_in_its_segment()
    {
        if (OperatingSystem.IsWindows()) return;
        var sarif = JsonNode.Parse(await Render(ReportFormat.Sarif, "src/a\\b/app.cs"))!;

        var artifact = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("src/a%5Cb/app.cs", artifact["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_json_names_the_file_as_it_is()
    {
        var json = JsonNode.Parse(await Render(ReportFormat.Json, HostileName))!;

        var location = json["findings"]![0]!["location"]!;
        Assert.Equal(HostileName, location["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_md_names_the_file_as_it_is()
    {
        var markdown = await Render(ReportFormat.Markdown, HostileName);

        Assert.Contains("`" + HostileName + ":2`", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("../../", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_links_escape_the_name_instead_of_climbing()
    {
        if (OperatingSystem.IsWindows()) return;
        var options = GoldenReportTests.Options with { RepositoryFileUri = "https://example.invalid/o/r/blob/main" };
        var html = await Render(ReportFormat.Html, HostileName, options);

        Assert.Contains("https://example.invalid/o/r/blob/main/..%5C..%5C..%5C..%5C..%5Cetc%5Ccron.d%5Cevil.env#L2", html, StringComparison.Ordinal);
    }
}
