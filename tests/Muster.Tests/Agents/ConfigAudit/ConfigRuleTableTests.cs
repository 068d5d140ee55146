using Muster.Agents.ConfigAudit;

namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>Every rule fires on a realistic file that has the flaw and stays silent on one that does not.</summary>
public sealed class ConfigRuleTableTests
{
    private static readonly IReadOnlyDictionary<string, RuleCase> Cases =
        ComposeRuleCases.All.Concat(DockerfileRuleCases.All).Concat(NginxRuleCases.All).Concat(EnvRuleCases.All).Concat(ShellRuleCases.All)
            .ToDictionary(c => c.RuleId, StringComparer.Ordinal);

    public static TheoryData<string> RuleIds => new(ConfigRuleCatalog.All.Select(r => r.Id));

    [Fact]
    public void Every_rule_has_a_case_and_there_are_at_least_40_rules()
    {
        Assert.True(ConfigRuleCatalog.All.Count >= 40, $"{ConfigRuleCatalog.All.Count} rules");
        var untested = ConfigRuleCatalog.All.Select(r => r.Id).Where(id => !Cases.ContainsKey(id)).ToList();
        Assert.True(untested.Count == 0, "rules without a test case: " + string.Join(", ", untested));
        Assert.Equal(ConfigRuleCatalog.All.Count, ConfigRuleCatalog.All.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Rule_fires_on_the_positive_file(string ruleId)
    {
        var c = Cases[ruleId];
        using var harness = new ConfigAuditHarness().WriteAll(c.Positive);
        c.PositiveSetup?.Invoke(harness);

        var result = await harness.RunAsync();

        var hits = result.Findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.True(hits.Count > 0, $"{ruleId} did not fire; got: {string.Join("; ", result.Findings.Select(f => $"{f.RuleId} {f.Location} {f.Message}"))}");
        var hit = hits[0];
        Assert.Equal(c.Path, hit.Location!.Path);
        if (c.Line > 0)
        {
            Assert.Contains(hits, h => h.Location!.Line == c.Line);
            Assert.All(hits, h => Assert.True(h.Location!.Column >= 1, $"{h.Location} has no column"));
        }
        var rule = ConfigRuleCatalog.All.Single(r => r.Id == ruleId);
        Assert.All(hits, h =>
        {
            Assert.Equal(rule.Severity, h.Severity);
            Assert.Equal("configuration", h.Category);
            Assert.Equal(rule.Remediation, h.Remediation);
            Assert.NotEmpty(h.Fingerprint);
            Assert.DoesNotContain(ConfigAuditHarness.Secret, h.Message + h.Evidence, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Rule_is_silent_on_the_negative_file(string ruleId)
    {
        var c = Cases[ruleId];
        using var harness = new ConfigAuditHarness().WriteAll(c.Negative);
        c.NegativeSetup?.Invoke(harness);

        var result = await harness.RunAsync();

        var hits = result.Findings.Where(f => f.RuleId == ruleId).Select(f => $"{f.Location} {f.Message}").ToList();
        Assert.True(hits.Count == 0, $"{ruleId} fired on the negative file: {string.Join("; ", hits)}");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-CONFIG-UNVERIFIED");
    }
}
