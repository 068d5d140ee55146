using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Model;

namespace Muster.Tests.Gaps;

public class GapRegisterTests
{
    private static Finding F(string rule, Severity severity, string? path, string category = "security", Dictionary<string, string>? properties = null, string? remediation = null) => new Finding
    {
        RuleId = rule,
        Title = rule + " title",
        Severity = severity,
        Category = category,
        Message = $"{rule} in {path}",
        Location = path is null ? null : new SourceLocation(path, 3),
        Remediation = remediation,
        Properties = properties ?? new Dictionary<string, string>(),
    }.WithDefaultFingerprint();

    [Fact]
    public void One_key_in_five_files_is_one_gap_with_five_locations_at_the_worst_severity()
    {
        var group = new Dictionary<string, string> { [GapRegister.GroupProperty] = "salted-hash-1" };
        var findings = new[] { "a/.env", "b/.env", "c.md", "d/keys.txt", "e/config.json" }
            .Select((p, i) => F("secrets/anthropic", i == 2 ? Severity.High : Severity.Critical, p, properties: group, remediation: "Rotate this key.\nThen move it."))
            .Append(F("secrets/openai", Severity.High, "a/.env"))
            .ToList();

        var register = GapRegister.Build(findings, OwnerResolver.Defaults);

        Assert.Equal(2, register.Gaps.Count);
        var key = register.Gaps[0];
        Assert.Equal((Severity.Critical, 5, "Rotate this key.", ActionPriority.P0), (key.Severity, key.Locations.Count, key.Action, key.Priority));
        Assert.Equal(["a/.env", "b/.env", "c.md", "d/keys.txt", "e/config.json"], key.Locations.Select(l => l.Path));
        Assert.Equal("group:salted-hash-1", key.Key);
        Assert.Equal(ActionPriority.P1, register.Gaps[1].Priority);
    }

    [Fact]
    public void Findings_with_the_same_fingerprint_are_one_gap_and_info_findings_are_not_gaps()
    {
        var finding = F("r", Severity.Medium, "x.txt");
        var register = GapRegister.Build([finding, finding with { AgentId = "other" }, F("inventory", Severity.Info, "big.bin")], OwnerResolver.Defaults);

        var gap = Assert.Single(register.Gaps);
        Assert.Single(gap.Fingerprints);
        Assert.Equal("Fix: r title", gap.Action);
    }

    [Fact]
    public void Gap_ids_are_stable_across_builds()
    {
        var first = GapRegister.Build([F("r", Severity.Low, "x")], OwnerResolver.Defaults).Gaps[0].Id;
        var second = GapRegister.Build([F("r", Severity.Low, "x"), F("s", Severity.High, "y")], OwnerResolver.Defaults).Gaps.Single(g => g.RuleIds[0] == "r").Id;

        Assert.Equal(first, second);
        Assert.Matches("^GAP-[0-9a-f]{8}$", first);
    }

    [Fact]
    public void Effort_and_impact_come_from_the_rule_else_from_the_default_table()
    {
        var given = F("r", Severity.Critical, "x", properties: new() { ["effort"] = "2 hr", ["impact"] = "blocks deploys" });
        var register = GapRegister.Build([given, F("s", Severity.Critical, "y", category: "tests"), F("t", Severity.Medium, "z", category: "unknown")], OwnerResolver.Defaults);

        Assert.Equal(("2 hr", "blocks deploys"), (register.Gaps.Single(g => g.RuleIds[0] == "r").Effort, register.Gaps.Single(g => g.RuleIds[0] == "r").Impact));
        Assert.Equal(("2 hr", "CRITICAL"), (register.Gaps.Single(g => g.RuleIds[0] == "s").Effort, register.Gaps.Single(g => g.RuleIds[0] == "s").Impact));
        Assert.Equal(("2 hr", "MEDIUM"), (register.Gaps.Single(g => g.RuleIds[0] == "t").Effort, register.Gaps.Single(g => g.RuleIds[0] == "t").Impact));
    }

    [Theory]
    [InlineData("security", "Security")]
    [InlineData("infrastructure", "DevOps")]
    [InlineData("configuration", "DevOps")]
    [InlineData("dependencies", "Backend")]
    [InlineData("imports", "Backend")]
    [InlineData("tests", "QA")]
    [InlineData("lint", "Engineering")]
    public void Default_teams_by_category(string category, string team) =>
        Assert.Equal((team, "default for category"), OwnerResolver.Defaults.Resolve(category, "x.txt"));

    [Fact]
    public void Codeowners_last_match_wins_then_plan_globs_then_plan_categories_then_defaults()
    {
        var codeOwners = CodeOwners.Parse("""
            # comment
            *            @everyone
            /services/   @backend   # trailing comment
            *.env        @secops
            /docs/public
            """, ".github/CODEOWNERS");
        var resolver = new OwnerResolver(codeOwners, [new OwnerRule("docs/**", "@writers"), new OwnerRule("security", "@sec"), new OwnerRule("docs/public/*.md", "@public")]);

        Assert.Equal("@secops", resolver.Resolve("security", "services/api/.env").Owner);
        Assert.Equal("@backend", resolver.Resolve("security", "services/api/main.py").Owner);
        Assert.Equal("@everyone", resolver.Resolve("security", "README.md").Owner);
        // "/docs/public" names nobody: the later, unowning line wins, so the plan decides.
        Assert.Equal(("@public", "plan owners: docs/public/*.md"), resolver.Resolve("tests", "docs/public/a.md"));
        Assert.Equal("@sec", new OwnerResolver(null, [new OwnerRule("security", "@sec")]).Resolve("security", "x").Owner);
        Assert.Equal("QA", new OwnerResolver(null, [new OwnerRule("security", "@sec")]).Resolve("tests", null).Owner);
    }

    [Fact]
    public void Codeowners_is_read_from_the_first_of_github_root_and_docs()
    {
        var root = Directory.CreateTempSubdirectory("muster-owners-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "CODEOWNERS"), "* @docs-owner\n");
            Assert.Equal("@docs-owner", OwnerResolver.For(root, []).Resolve("x", "a.txt").Owner);
            File.WriteAllText(Path.Combine(root, "CODEOWNERS"), "* @root-owner\n");
            Assert.Equal(("@root-owner", "CODEOWNERS"), OwnerResolver.For(root, []).Resolve("x", "a.txt"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Diff_matches_gaps_by_key()
    {
        var before = GapRegister.Build([F("a", Severity.Critical, "x"), F("b", Severity.High, "y")], OwnerResolver.Defaults);
        var after = GapRegister.Build([F("b", Severity.High, "y"), F("c", Severity.Low, "z")], OwnerResolver.Defaults);

        var diff = GapDiff.Between(before, after);

        Assert.Equal(["c"], diff.New.Select(g => g.RuleIds[0]));
        Assert.Equal(["a"], diff.Fixed.Select(g => g.RuleIds[0]));
        Assert.Equal(["b"], diff.Persisting.Select(g => g.RuleIds[0]));
        Assert.Equal(1, GapDiff.Totals(diff.Fixed).Single(p => p.Key == Severity.Critical).Value);
    }

    [Fact]
    public void A_config_finding_about_the_literal_secret_the_secrets_agent_found_on_that_line_joins_its_gap()
    {
        var secret = F("secrets/generic-password", Severity.Critical, "docker-compose.yml", category: "secrets",
            properties: new() { [GapRegister.GroupProperty] = "secret:salted-1", ["lines"] = "3,9" });
        var joins = new Dictionary<string, string> { [GapHints.JoinsSecretOnSameLine] = "true" };
        var sameLine = F("MUSTER-COMPOSE-010", Severity.High, "docker-compose.yml", properties: joins);
        var otherOccurrence = F("MUSTER-COMPOSE-010", Severity.High, "docker-compose.yml", properties: joins) with
        {
            Location = new SourceLocation("docker-compose.yml", 9, 7),
            Fingerprint = "",
        };
        var elsewhere = F("MUSTER-COMPOSE-010", Severity.High, "other/compose.yml", properties: joins);
        var unmarked = F("MUSTER-COMPOSE-006", Severity.High, "docker-compose.yml");

        var register = GapRegister.Build([secret, sameLine, otherOccurrence.WithDefaultFingerprint("second"), elsewhere, unmarked], OwnerResolver.Defaults);

        Assert.Equal(3, register.Gaps.Count);
        var rotate = Assert.Single(register.Gaps, g => g.Key == "group:secret:salted-1");
        Assert.Equal((Severity.Critical, 3), (rotate.Severity, rotate.Fingerprints.Count));
        Assert.Contains("MUSTER-COMPOSE-010", rotate.RuleIds);
        Assert.Contains(register.Gaps, g => g.Locations.Any(l => l.Path == "other/compose.yml"));
    }
}
