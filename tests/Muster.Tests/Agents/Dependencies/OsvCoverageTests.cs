using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>What the agent says about the database's coverage and age, beside the vulnerabilities it finds.</summary>
public sealed class OsvCoverageTests
{
    private static TempWorkspace Workspace() => new TempWorkspace()
        .Write("web/package-lock.json", """{ "lockfileVersion": 3, "packages": { "": { "name": "a" }, "node_modules/lodash": { "version": "4.17.20" } } }""")
        .Write("api/requirements.txt", "requests==2.31.0\n");

    [Fact]
    public async Task An_ecosystem_without_advisories_is_unchecked_at_its_own_manifest()
    {
        using var ws = Workspace().Write("osv/npm/GHSA-1.json",
            """{"id":"GHSA-1","modified":"2026-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}""");

        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") });

        var pypi = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN-UNCHECKED");
        Assert.Equal("api/requirements.txt", pypi.Location!.Path);
        Assert.Equal(Severity.Info, pypi.Severity);
        Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN");
        Assert.Equal(1, result.Metrics["osv_advisories_npm"]);
    }

    [Fact]
    public async Task A_hand_made_database_with_old_advisories_is_marked_stale_in_the_summary_not_as_a_finding()
    {
        using var ws = Workspace()
            .Write("osv/npm.jsonl", """{"id":"GHSA-1","modified":"2020-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"lodash"}}]}""" + "\n")
            .Write("osv/pypi.jsonl", """{"id":"PYSEC-1","modified":"2020-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"requests"}}]}""" + "\n");

        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") },
            new Dictionary<string, object?> { ["osv-max-age-days"] = "30" });

        Assert.Contains("npm: 1 advisory as of 2020-01-01 (", result.Summary, StringComparison.Ordinal);
        Assert.Contains("days old) STALE: over the 30-day threshold", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "DEP-OSV-STALE" or "DEP-VULN-UNCHECKED");
    }

    [Theory]
    [InlineData("-1", "must be a whole number of 0 or more")]
    [InlineData("a week", "must be a whole number")]
    public void A_wrong_freshness_threshold_is_a_plan_error_at_its_line(string value, string expected)
    {
        var yaml = $"name: p\nwaves:\n  - name: w\n    agents:\n      - id: deps\n        kind: dependencies\n        with:\n          osv-max-age-days: {value}\n";

        var error = Assert.Single(Assert.Throws<PlanException>(() => new PlanParser(BuiltInAgents.CreateRegistry()).Parse(yaml, "plan.yaml")).Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
