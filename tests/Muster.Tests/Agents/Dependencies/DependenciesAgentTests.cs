using System.Text.Json;
using Muster.Agents;
using Muster.Agents.Dependencies;
using Muster.Composition;
using Muster.Model;

namespace Muster.Tests.Agents.Dependencies;

public sealed class DependenciesAgentTests
{
    [Fact]
    public void Registered_as_a_scanner_of_kind_dependencies()
    {
        var registry = BuiltInAgents.Register(new AgentRegistry());
        Assert.Same(DependenciesAgent.Descriptor, registry.Get("dependencies"));
        Assert.Equal(AgentRole.Scanner, DependenciesAgent.Descriptor.DefaultRole);
    }

    [Fact]
    public async Task Sample_lockfile_lodash_is_reported_with_advisory_aliases_and_cvss_severity()
    {
        var repo = RepoPaths.Root();
        var result = await AgentRunner.Run(Path.Combine(repo, "samples", "ecosystem"),
            new Dictionary<string, string> { ["osv-db"] = Path.Combine(repo, "samples", "osv") });
        var vuln = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN");
        Assert.Equal(Severity.High, vuln.Severity);
        Assert.Equal("dependencies", vuln.Category);
        Assert.Equal("meowping-web/package-lock.json", vuln.Location!.Path);
        Assert.True(vuln.Location.Line > 0);
        Assert.Contains("GHSA-35jh-r3h4-6jhm", vuln.Message);
        Assert.Contains("CVE-2021-23337", vuln.Message);
        Assert.Contains("CVSS 7.2", vuln.Message);
        Assert.Contains("4.17.21", vuln.Remediation);
        Assert.Equal("deps-1", vuln.AgentId);
        Assert.DoesNotContain(result.Findings, f =>
            f.RuleId is "DEP-SCAN-ERROR" or "DEP-LOCK-OUT-OF-SYNC" && f.Location?.Path.StartsWith("meowping-", StringComparison.Ordinal) == true);
        // The sample database holds npm advisories only: the PyPI packages are said to be unchecked, not clean.
        var pypi = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN-UNCHECKED");
        Assert.Equal("PyPI", pypi.Properties["ecosystem"]);
        Assert.Equal(Severity.Info, pypi.Severity);
        Assert.Contains("npm", result.Summary);
        Assert.Contains("PyPI", result.Summary);
        Assert.Equal(1, result.Metrics["vulnerable"]);

        var inventory = JsonDocument.Parse(result.Artifacts.Single(a => a.Name == "dependencies.json").Content).RootElement;
        var packages = inventory.GetProperty("packages").EnumerateArray().ToList();
        Assert.Equal(9, packages.Count(p => p.GetProperty("manifest").GetString() == "meowping-backend/requirements.txt"));
        Assert.Contains(packages, p => p.GetProperty("manifest").GetString() == "meowping-web/package-lock.json" &&
                                       p.GetProperty("name").GetString() == "lodash" && p.GetProperty("purl").GetString() == "pkg:npm/lodash@4.17.20");
        Assert.Contains("| npm | lodash | 4.17.20 |", result.Artifacts.Single(a => a.Name == "dependencies.md").Content);
    }

    [Fact]
    public async Task Without_an_osv_database_vulnerabilities_are_reported_unchecked_not_clean()
    {
        using var ws = new TempWorkspace().Write("package.json", """{ "dependencies": { "lodash": "4.17.20" } }""");
        var result = await AgentRunner.Run(ws.Root);
        var unchecked_ = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN-UNCHECKED");
        Assert.Contains("unverified", unchecked_.Message);
        Assert.Contains("NOT checked", result.Summary);
    }

    [Fact]
    public async Task A_range_without_lockfile_is_matched_conservatively()
    {
        using var ws = new TempWorkspace()
            .Write("svc/requirements.txt", "widget>=1.0\nsafe-widget>=3.0,<4\nold-widget>=1.0,<1.5\npinned-widget==1.2.0\n")
            .Write("osv/w.json", """
                {"id":"TEST-W","aliases":["CVE-2099-0001"],"summary":"widget flaw",
                 "database_specific":{"severity":"HIGH"},
                 "affected":[
                  {"package":{"ecosystem":"PyPI","name":"Widget"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]},
                  {"package":{"ecosystem":"PyPI","name":"safe_widget"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]},
                  {"package":{"ecosystem":"PyPI","name":"old.widget"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]},
                  {"package":{"ecosystem":"PyPI","name":"pinned-widget"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]}
                 ]}
                """);
        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") });
        var possible = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN-RANGE");
        Assert.Equal("widget", possible.Properties["package"]);
        Assert.Equal("false", possible.Properties["verified"]);
        Assert.Equal(Severity.Medium, possible.Severity);
        Assert.Contains("not verified", possible.Message);
        var definite = result.Findings.Where(f => f.RuleId == "DEP-VULN").Select(f => f.Properties["package"]).Order().ToList();
        Assert.Equal(["old-widget", "pinned-widget"], definite);
        Assert.All(result.Findings.Where(f => f.RuleId == "DEP-VULN"), f => Assert.Equal(Severity.High, f.Severity));
        Assert.DoesNotContain(result.Findings, f => f.Properties.GetValueOrDefault("package") == "safe-widget");
    }

    [Fact]
    public async Task A_workspace_member_range_is_left_to_the_root_lockfile()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "mono", "workspaces": ["packages/*"] }""")
            .Write("package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                  "": { "name": "mono", "workspaces": ["packages/*"] },
                  "packages/web": { "name": "web", "dependencies": { "lodash": "^4.17.0" } },
                  "node_modules/web": { "resolved": "packages/web", "link": true },
                  "node_modules/lodash": { "version": "4.17.21" } } }
                """)
            .Write("packages/web/package.json", """{ "name": "web", "dependencies": { "lodash": "^4.17.0" } }""")
            .Write("osv/l.json", """{"id":"TEST-L","affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}""");
        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") });
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "DEP-VULN" or "DEP-VULN-RANGE");

        File.Delete(Path.Combine(ws.Root, "package-lock.json"));
        var unlocked = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") });
        Assert.Equal("packages/web/package.json", Assert.Single(unlocked.Findings, f => f.RuleId == "DEP-VULN-RANGE").Location!.Path);
    }

    [Fact]
    public async Task Hygiene_unpinned_conflicts_and_lockfile_drift()
    {
        using var ws = new TempWorkspace()
            .Write("web/package.json", """
                {
                  "dependencies": {
                    "express": "*",
                    "lodash": "^4.17.0",
                    "left-pad": "1.3.0",
                    "chalk": "^5.0.0"
                  }
                }
                """)
            .Write("web/package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                  "": { "dependencies": { "express": "*", "lodash": "^4.17.0", "left-pad": "1.3.0" } },
                  "node_modules/express": { "version": "4.19.2" },
                  "node_modules/lodash": { "version": "3.10.1" },
                  "node_modules/left-pad": { "version": "1.3.0" } } }
                """)
            .Write("admin/package.json", """{ "dependencies": { "left-pad": "1.1.0" } }""")
            .Write("api/requirements.txt", "requests\nflask>=2.0\nclick==8.1.7\n")
            .Write("lib/Lib.csproj", """
                <Project>
                  <ItemGroup>
                    <PackageReference Include="Serilog" Version="3.1.1" />
                    <PackageReference Include="Dapper" Version="[2.1.0, )" />
                    <PackageReference Include="Polly" Version="8.*" />
                  </ItemGroup>
                </Project>
                """);
        var result = await AgentRunner.Run(ws.Root);

        var unpinned = result.Findings.Where(f => f.RuleId == "DEP-UNPINNED").ToDictionary(f => f.Evidence!);
        Assert.Equal(["Polly 8.*", "express *", "flask >=2.0", "requests *"], unpinned.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Low, unpinned["express *"].Severity);
        Assert.Equal(Severity.Medium, unpinned["requests *"].Severity);
        Assert.Equal(new SourceLocation("api/requirements.txt", 2), unpinned["flask >=2.0"].Location);

        var conflict = Assert.Single(result.Findings, f => f.RuleId == "DEP-VERSION-CONFLICT");
        Assert.Contains("1.1.0", conflict.Message);
        Assert.Contains("1.3.0", conflict.Message);

        var drift = result.Findings.Where(f => f.RuleId == "DEP-LOCK-OUT-OF-SYNC").ToDictionary(f => f.Evidence!);
        Assert.Equal(["chalk ^5.0.0", "lodash ^4.17.0"], drift.Keys.Order());
        Assert.Contains("missing from web/package-lock.json", drift["chalk ^5.0.0"].Message);
        Assert.Contains("locks 3.10.1", drift["lodash ^4.17.0"].Message);
        Assert.Equal(new SourceLocation("web/package.json", 6), drift["chalk ^5.0.0"].Location);
    }

    [Fact]
    public async Task Malformed_manifest_is_a_scan_error_with_location_not_a_crash()
    {
        using var ws = new TempWorkspace()
            .Write("a/package.json", "{ \"dependencies\": {\n  \"x\": \"1.0.0\"\n  \"y\": \"2.0.0\" } }")
            .Write("b/pyproject.toml", "[project\nname = 1\n")
            .Write("c/requirements.txt", "ok==1.0\n")
            .Write("d/App.csproj", "<Project><ItemGroup>");
        var result = await AgentRunner.Run(ws.Root);
        var errors = result.Findings.Where(f => f.RuleId == "DEP-SCAN-ERROR").ToList();
        Assert.Equal(["a/package.json", "b/pyproject.toml", "d/App.csproj"], errors.Select(e => e.Location!.Path).Order());
        Assert.Equal(3, errors.Single(e => e.Location!.Path == "a/package.json").Location!.Line);
        Assert.All(errors, e => Assert.True(e.Location!.Line > 0));
        Assert.Equal(1, result.Metrics["packages"]);
    }
}
