using System.Text.RegularExpressions;
using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

public sealed class HtmlLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-html-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Finding Low(string service) => new Finding
    {
        RuleId = "MUSTER-COMPOSE-008",
        Title = "No healthcheck",
        Severity = Severity.Low,
        Category = "configuration",
        Message = $"Service '{service}' has no healthcheck",
        Location = new SourceLocation("deploy/docker-compose.yml", 10 + service.Length),
        Remediation = "Add a `healthcheck:` with a command that proves the service answers.",
        AgentId = "config-audit",
        Properties = new Dictionary<string, string> { ["rationale"] = "A hung service shows as running." },
    }.WithDefaultFingerprint(service);

    private static RunOutcome Run(params Finding[] findings) => new()
    {
        RunId = "20260301-000000-html",
        PlanName = "p",
        Root = "/srv/repo",
        Status = RunStatus.Completed,
        Agents =
        [
            new AgentOutcome
            {
                AgentId = "config-audit", Kind = "config-audit", Role = AgentRole.Scanner, WaveIndex = 0, State = AgentState.Succeeded,
                Result = new AgentResult { Findings = findings, Artifacts = [new Artifact("config-audit.md", "text/markdown", "# table\n")] },
            },
        ],
    };

    [Fact]
    public async Task Gaps_of_one_rule_are_one_folded_group_with_the_rule_title_and_counts()
    {
        var html = await ReportWriter.RenderAsync(Run(Low("web"), Low("api"), Low("worker")), ReportFormat.Html, GoldenReportTests.Options);

        var group = Assert.Single(Regex.Matches(html, "<details class=\"rule\"[^>]*>"));
        Assert.Contains("data-states=\"new\"", group.Value, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rule-title\">No healthcheck</span> <span class=\"count\">3 gaps</span>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<li class=\"gap\"").Count);
        Assert.Contains("A hung service shows as running.", html, StringComparison.Ordinal);
        Assert.Contains("Fix: Add a <code>healthcheck:</code> with", html, StringComparison.Ordinal);
        Assert.DoesNotContain("`healthcheck:`", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_run_makes_new_the_default_view_and_lists_what_is_gone()
    {
        var options = GoldenReportTests.Options with { PreviousOutcome = Run(Low("web"), Low("old")) with { RunId = "20260228-000000-prev" } };

        var html = await ReportWriter.RenderAsync(Run(Low("web"), Low("api")), ReportFormat.Html, options);

        Assert.Contains("<body class=\"view-new\">", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"new\" aria-pressed=\"true\">New since last run (1)", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"persisting\"", html, StringComparison.Ordinal);
        Assert.Contains("Gone since run 20260228-000000-prev", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"state fixed\">fixed</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locations_link_to_the_repository_at_their_line_and_advisories_to_their_pages()
    {
        var vulnerable = new Finding
        {
            RuleId = "DEP-VULN",
            Title = "lodash 4.17.20 has known vulnerability GHSA-35jh-r3h4-6jhm",
            Severity = Severity.High,
            Category = "dependencies",
            Message = "affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337)",
            Location = new SourceLocation("web/package-lock.json", 29),
            AgentId = "config-audit",
            Properties = new Dictionary<string, string> { ["advisory"] = "GHSA-35jh-r3h4-6jhm", ["aliases"] = "CVE-2021-23337" },
        }.WithDefaultFingerprint();
        var options = GoldenReportTests.Options with
        {
            RepositoryFileUri = "https://github.com/o/r/blob/abc123",
            VersionControl = new VersionControlInfo("https://github.com/o/r", "abc123", "main", "/srv"),
        };

        var html = await ReportWriter.RenderAsync(Run(vulnerable) with { Root = "/srv/repo" }, ReportFormat.Html, options);

        Assert.Contains("href=\"https://github.com/o/r/blob/abc123/repo/web/package-lock.json#L29\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/advisories/GHSA-35jh-r3h4-6jhm\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://nvd.nist.gov/vuln/detail/CVE-2021-23337\"", html, StringComparison.Ordinal);
        Assert.Contains("docs/rules.md#dep-vuln", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_shows_the_line_before_and_after_but_never_around_a_security_finding()
    {
        var options = GoldenReportTests.Options with
        {
            ContextLines = l => [(l.Line - 1, "before-line"), (l.Line, "raw-line"), (l.Line + 1, "after-line"), (l.Line + 2, "too-far")],
        };
        var quality = Low("web") with { Evidence = "web: {image: nginx}" };
        var secret = new Finding
        {
            RuleId = "secrets/x",
            Title = "Key exposed",
            Severity = Severity.Critical,
            Category = "security",
            Message = "m",
            Location = new SourceLocation("keys.txt", 5),
            Evidence = "sk-…AA",
            AgentId = "config-audit",
        }.WithDefaultFingerprint();

        var html = await ReportWriter.RenderAsync(Run(quality, secret), ReportFormat.Html, options);

        Assert.Contains("before-line", html, StringComparison.Ordinal);
        Assert.Contains("after-line", html, StringComparison.Ordinal);
        Assert.DoesNotContain("too-far", html, StringComparison.Ordinal);
        Assert.DoesNotContain("raw-line", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hit\">web: {image: nginx}</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artifacts_are_written_beside_the_page_and_files_created_links_only_them()
    {
        var written = await ReportWriter.WriteAsync(Run(Low("web")), _dir, [ReportFormat.Html], GoldenReportTests.Options);

        Assert.True(File.Exists(Path.Combine(_dir, "artifacts", "config-audit", "config-audit.md")));
        Assert.Contains(written, p => p.EndsWith("artifacts" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "report.html"));
        Assert.Contains("<a href=\"artifacts/config-audit/config-audit.md\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rendered_in_memory_the_page_does_not_list_artifacts_as_files()
    {
        var html = await ReportWriter.RenderAsync(Run(Low("web")), ReportFormat.Html, GoldenReportTests.Options);

        Assert.DoesNotContain("href=\"artifacts/", html, StringComparison.Ordinal);
        Assert.Contains("kept in the run's journal", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("a/b.md", "a_b.md")]
    [InlineData("..", "artifact")]
    public void Artifact_names_become_safe_file_names(string name, string expected) =>
        Assert.Equal(expected, Muster.Reports.ArtifactExport.SafeName(name));
}
