using Muster.Agents.Secrets;
using Muster.SecretsCorpus;

namespace Muster.Tests.Agents.Secrets;

/// <summary>Credential-shaped values built at run time from a provider prefix and seeded random characters.</summary>
internal static class Planted
{
    public static string Anthropic(int seed) => SampleTemplate.Expand("sk-ant-" + "api03-{b64url:93}AA", seed);
    public static string OpenAiProject(int seed) => SampleTemplate.Expand("sk-" + "proj-{b64url:120}", seed);
    // With the format's CRC-32: a token whose checksum fails is reported at LOW as a sample.
    public static string GitHub(int seed) => new CaseValues(new Random(seed)).Base62Checksummed("gh" + "p_");
    public static string GoogleApiKey(int seed) => SampleTemplate.Expand("AI" + "za{b64url:35}", seed);
    public static string AwsKeyId(int seed) => SampleTemplate.Expand("AK" + "IA{b32:16}", seed);
    public static string AwsSecret(int seed) => SampleTemplate.Expand("{b64:40}", seed);
    public static string Password(int seed) => SampleTemplate.Expand("{alnum:7}#{digit:2}!", seed);

    /// <summary>A value no rule matches: only the run's memory of what the secrets agent found can redact it.</summary>
    public static string Plain(int seed) => SampleTemplate.Expand("{alnum:24}", seed);

    /// <summary>
    /// One shape per built-in secret rule: its first match sample expanded with <paramref name="seed"/> (the line to
    /// plant) and the value the rule reports in that line.
    /// </summary>
    public static IEnumerable<RuleSample> EveryRule(int seed)
    {
        var detector = new SecretDetector(SecretRuleSet.BuiltIn);
        foreach (var (rule, index) in SecretRuleSet.BuiltIn.Rules.Select((r, i) => (r, i)))
        {
            var line = SampleTemplate.Expand(rule.MatchSamples[0], seed + index);
            var hit = detector.Scan(line).First(h => h.Rule.Id == rule.Id && !h.IsPlaceholder);
            yield return new RuleSample(rule.Id, line, hit.Secret);
        }
    }

    internal sealed record RuleSample(string RuleId, string Line, string Value);
}
