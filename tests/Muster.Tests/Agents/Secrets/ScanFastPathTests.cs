using System.Text;
using Muster.Agents.Secrets;

namespace Muster.Tests.Agents.Secrets;

public sealed class KeywordPrefilterTests
{
    private static readonly KeywordPrefilter Prefilter = SecretRuleSet.BuiltIn.Prefilter;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_every_candidate_the_scalar_test_finds_at_every_offset(int seed)
    {
        var text = RandomText(seed, 20_000);
        Assert.Equal(AllCandidates(text, (t, f) => Prefilter.IndexOfCandidateScalar(t, f)), AllCandidates(text, (t, f) => Prefilter.IndexOfCandidate(t, f)));
    }

    [Fact]
    public void Finds_a_keyword_in_any_case_at_each_lane_and_at_the_very_end()
    {
        foreach (var keyword in new[] { "password", "PASSWORD", "Sk-", "ghp_", "AKIA" })
        {
            for (var at = 0; at < 40; at++)
            {
                var text = new string(' ', at) + keyword + new string(' ', 40 - at);
                Assert.Equal(at, Prefilter.IndexOfCandidate(text, 0));
                Assert.Equal(AllCandidates(text, (t, f) => Prefilter.IndexOfCandidateScalar(t, f)), AllCandidates(text, (t, f) => Prefilter.IndexOfCandidate(t, f)));
            }
            // A keyword that ends the text is found when it can still be followed by a value's first character.
            var atEnd = new string('.', 37) + keyword + "x";
            Assert.Equal(37, Prefilter.IndexOfCandidate(atEnd, 0));
        }
    }

    [Fact]
    public void Non_ascii_characters_never_fold_into_a_keyword()
    {
        // U+0130 and U+212A lower-case to 'i' and 'k' in some cultures; 'ſ' (U+017F) to 's'. None may start "sk-".
        var text = string.Concat(Enumerable.Repeat("\u017Fk- \u212Aey= \u0130ssuer ", 20));
        Assert.Equal(AllCandidates(text, (t, f) => Prefilter.IndexOfCandidateScalar(t, f)), AllCandidates(text, (t, f) => Prefilter.IndexOfCandidate(t, f)));
        Assert.DoesNotContain(0, AllCandidates(text, (t, f) => Prefilter.IndexOfCandidate(t, f)));
    }

    private static List<int> AllCandidates(string text, Func<string, int, int> find)
    {
        var found = new List<int>();
        for (var p = find(text, 0); p >= 0; p = find(text, p + 1)) found.Add(p);
        return found;
    }

    private static string RandomText(int seed, int length)
    {
        var random = new Random(seed);
        string[] words = ["password", "token", "Secret", "API_KEY", "ghp_", "sk-", "xoxb-", "AKIA", "é", "\u00FF", "\uD83D\uDE00", "\t", "\n", "=", ":"];
        var builder = new StringBuilder(length + 32);
        while (builder.Length < length)
        {
            if (random.Next(4) == 0) builder.Append(words[random.Next(words.Length)]);
            else builder.Append((char)random.Next(32, 127));
        }
        return builder.ToString();
    }
}

public sealed class ReferenceAssignmentTests
{
    private static readonly SecretDetector Detector = new(SecretRuleSet.BuiltIn);

    [Theory]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("DB_PASSWORD=\"${DB_PASSWORD:-}\"")]
    [InlineData("export PGPASSWORD=$(cat /run/secrets/pg)")]
    [InlineData("api_token: '{{ vault_api_token }}'")]
    public void A_generic_assignment_of_a_reference_is_a_placeholder_without_a_regex(string line)
    {
        var timeouts = 0;
        var references = 0;
        var hits = Detector.Scan(line + "\n", 0, isLast: true, ref timeouts, ref references);
        Assert.DoesNotContain(hits, h => !h.IsPlaceholder);
        Assert.True(references > 0, "the skipped reference is counted as a placeholder");
    }

    [Fact]
    public void A_real_password_next_to_a_reference_is_still_found()
    {
        var secret = "Qv7" + "mPz2" + "wKx9";
        var timeouts = 0;
        var references = 0;
        var hits = Detector.Scan($"password: ${{DB_PASSWORD}}\nadmin_password: {secret}\n", 0, isLast: true, ref timeouts, ref references);
        Assert.Contains(hits, h => !h.IsPlaceholder && h.Secret == secret);
        Assert.Equal(1, references);
    }
}

public sealed class RuleRegexCompilationTests
{
    [Fact]
    public void A_rule_runs_interpreted_until_it_has_fired_often_then_compiled()
    {
        var rule = SecretRuleSet.FromYaml("""
            rules:
              - id: demo-token
                description: Demo token
                keywords: [dmo_]
                regex: 'dmo_[a-z0-9]{20}'
                remediation: Rotate it.
            """).Rules.Single();
        for (var i = 0; i < SecretRule.CompileAfterWindows; i++)
            Assert.False(rule.RegexForWindow().Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
        var compiled = rule.RegexForWindow();
        Assert.True(compiled.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
        Assert.Same(compiled, rule.RegexForWindow());
        Assert.Equal(rule.Regex.ToString(), compiled.ToString());
        Assert.Equal(rule.Regex.MatchTimeout, compiled.MatchTimeout);
    }
}
