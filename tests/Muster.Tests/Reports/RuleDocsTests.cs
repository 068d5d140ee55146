using System.Text.RegularExpressions;
using Muster.Agents.ConfigAudit;
using Muster.Agents.Secrets;
using Muster.Model;
using Muster.Reports.Rules;
using Muster.Tests.Golden;

namespace Muster.Tests.Reports;

/// <summary>docs/rules.md is generated from the agents' rule definitions and the report catalog; it must be current.</summary>
public class RuleDocsTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.BuiltIn;

    internal static IReadOnlyList<RuleDoc> AllRules()
    {
        var rules = new List<RuleDoc>();
        foreach (var rule in ConfigRuleCatalog.All)
        {
            rules.Add(new RuleDoc(rule.Id, rule.Title, rule.Severity.ToLabel(), rule.Rationale, rule.Remediation,
                Catalog.IsSecurity(rule.Id, ConfigAuditAgent.Category)));
        }
        foreach (var rule in SecretRuleSet.BuiltIn.Rules)
        {
            var id = "secrets/" + rule.Id;
            rules.Add(new RuleDoc(id, rule.Description, rule.Severity.ToLabel(), Catalog.PageOf(id)?.Why, rule.Remediation, Catalog.IsSecurity(id, SecretsAgent.Category)));
        }
        foreach (var entry in Catalog.Entries.Where(e => e.Title is not null))
        {
            rules.Add(new RuleDoc(entry.Id, entry.Title!, null, entry.Why, entry.Fix, Catalog.IsSecurity(entry.Id, CategoryOf(entry.Id))));
        }
        return rules;
    }

    [Fact]
    public void Docs_rules_md_is_generated_from_the_rule_definitions()
    {
        var text = RuleDocsPage.Render(AllRules(), Catalog);
        var path = Path.Combine(GoldenFile.RepositoryRoot(), "docs", "rules.md");
        if (GoldenFile.Updating) File.WriteAllText(path, text);

        Assert.True(File.Exists(path), "docs/rules.md is missing: run the tests with MUSTER_UPDATE_GOLDEN=1");
        Assert.True(text == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
            "docs/rules.md is stale: run the tests with MUSTER_UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void Every_rule_id_in_the_agents_source_has_a_section_in_docs_rules_md()
    {
        var documented = RuleCatalog.DocumentedIdsOf(File.ReadAllText(Path.Combine(GoldenFile.RepositoryRoot(), "docs", "rules.md"))).ToHashSet();
        var agents = Path.Combine(GoldenFile.RepositoryRoot(), "src", "Muster", "Agents");
        var ids = Directory.EnumerateFiles(agents, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "\"((?:MUSTER|DEP)-[A-Z0-9-]+[A-Z0-9])\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(ids.Count > 100, $"only {ids.Count} rule ids found: the pattern no longer matches the source");
        var missing = ids.Where(id => !documented.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "rules without a section in docs/rules.md: " + string.Join(", ", missing) +
            ". Give each a title, why and fix in src/Muster/Reports/Rules/report-rules.muster.yaml, then run the tests with MUSTER_UPDATE_GOLDEN=1.");
        Assert.Contains("secrets/scan-error", documented);
        Assert.Contains("secrets/sensitive-file-exposed", documented);
    }

    [Fact]
    public void The_embedded_copy_knows_the_same_sections_as_the_committed_page()
    {
        var committed = RuleCatalog.DocumentedIdsOf(File.ReadAllText(Path.Combine(GoldenFile.RepositoryRoot(), "docs", "rules.md")));

        Assert.All(committed, id => Assert.True(Catalog.IsDocumented(id), $"{id}: rebuild, the embedded docs/rules.md is older"));
    }

    [Theory]
    [InlineData("MUSTER-COMPOSE-001", "muster-compose-001")]
    [InlineData("secrets/anthropic-api-key", "secretsanthropic-api-key")]
    [InlineData("DEP-VULN", "dep-vuln")]
    public void Anchors_follow_githubs_heading_ids(string id, string anchor) => Assert.Equal(anchor, RuleCatalog.Anchor(id));

    [Theory]
    [InlineData("MUSTER-TEST-SKIPPED", "tests", false)]
    [InlineData("MUSTER-PY-IMPORT-UNRESOLVED", "imports", false)]
    [InlineData("MUSTER-INFRA-UNVERIFIED", "infrastructure", false)]
    [InlineData("MUSTER-COMPOSE-001", "configuration", true)]
    [InlineData("MUSTER-COMPOSE-013", "configuration", false)]
    [InlineData("MUSTER-MCP-LITERAL-SECRET", "agents", true)]
    [InlineData("secrets/openai-project-key", "security", true)]
    [InlineData("DEP-VULN", "dependencies", true)]
    [InlineData("docs/naming", "documentation", false)]
    public void Security_is_a_property_of_the_category_unless_the_catalog_says_otherwise(string id, string category, bool security) =>
        Assert.Equal(security, Catalog.IsSecurity(id, category));

    [Fact]
    public void A_finding_can_state_its_own_security_classification()
    {
        Assert.True(Catalog.IsSecurity("lint/x", "lint", new Dictionary<string, string> { ["security"] = "true" }));
        Assert.False(Catalog.IsSecurity("MUSTER-COMPOSE-001", "configuration", new Dictionary<string, string> { ["security"] = "false" }));
    }

    private static string CategoryOf(string id) => Catalog.PageOf(id)?.Agent switch
    {
        "secrets" => SecretsAgent.Category,
        "config-audit" => ConfigAuditAgent.Category,
        "dependencies" => "dependencies",
        "imports" => "imports",
        "test-hygiene" => "tests",
        "infra-state" => "infrastructure",
        _ => "agents",
    };
}
