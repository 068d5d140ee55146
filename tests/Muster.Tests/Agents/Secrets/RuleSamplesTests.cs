using Muster.Agents.Secrets;
using Muster.SecretsCorpus;

namespace Muster.Tests.Agents.Secrets;

public class RuleSamplesTests
{
    private static readonly SecretDetector Detector = new(SecretRuleSet.BuiltIn);

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in SecretRuleSet.BuiltIn.Rules) data.Add(rule.Id);
        return data;
    }

    [Fact]
    public void Built_in_rule_file_has_at_least_80_rules_each_with_samples()
    {
        var rules = SecretRuleSet.BuiltIn.Rules;
        Assert.True(rules.Count >= 80, $"only {rules.Count} rules");
        Assert.All(rules, r =>
        {
            Assert.NotEmpty(r.MatchSamples);
            Assert.NotEmpty(r.NoMatchSamples);
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_reports_its_match_samples_and_not_its_near_misses(string ruleId)
    {
        var rule = SecretRuleSet.BuiltIn.Rules.Single(r => r.Id == ruleId);
        for (var i = 0; i < rule.MatchSamples.Count; i++)
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                var text = SampleTemplate.Expand(rule.MatchSamples[i], seed * 1000 + i);
                var hits = Detector.Scan(text).Where(h => h.Rule.Id == ruleId && !h.IsPlaceholder).ToList();
                Assert.True(hits.Count == 1, $"match sample {i} (seed {seed}) gave {hits.Count} hits: {Redacted(text)}");
            }
        }
        for (var i = 0; i < rule.NoMatchSamples.Count; i++)
        {
            var text = SampleTemplate.Expand(rule.NoMatchSamples[i], 77 + i);
            var hits = Detector.Scan(text).Where(h => h.Rule.Id == ruleId && !h.IsPlaceholder).ToList();
            Assert.True(hits.Count == 0, $"no-match sample {i} was reported: {Redacted(text)}");
        }
    }

    // Failure messages show the shape, not the generated value.
    private static string Redacted(string text) => text.Length <= 24 ? text : text[..24] + "…(" + text.Length + " chars)";
}
