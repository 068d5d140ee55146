using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Model;
using Muster.SecretsCorpus;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Leaks;

public sealed class KnownSecretsScrubberTests
{
    // Shaped like no provider's key, so only the run's memory of it can redact it.
    private static string Plain(int seed) => SampleTemplate.Expand("{alnum:22}", seed);

    [Fact]
    public void A_remembered_value_is_redacted_in_text_no_rule_matches()
    {
        var value = Plain(501);
        var rules = new RuleBasedSecretScrubber();
        var scrubber = new KnownSecretsScrubber(rules);
        var text = $"grafana admin login {value}, again: {value}.";
        Assert.Equal(text, rules.Scrub(text));

        scrubber.Remember(value);

        var scrubbed = scrubber.Scrub(text);
        Assert.DoesNotContain(value[..12], scrubbed, StringComparison.Ordinal);
        Assert.Equal($"grafana admin login {Redaction.Redact(value)}, again: {Redaction.Redact(value)}.", scrubbed);
    }

    [Fact]
    public void The_longest_value_wins_where_one_contains_another()
    {
        var inner = Plain(502);
        var outer = "pre" + inner + "post";
        var scrubber = new KnownSecretsScrubber(NoSecretScrubber.Instance);
        scrubber.Remember(inner);
        scrubber.Remember(outer);

        Assert.Equal($"[{Redaction.Redact(outer)}] [{Redaction.Redact(inner)}]", scrubber.Scrub($"[{outer}] [{inner}]"));
    }

    [Fact]
    public void Rule_matches_are_still_redacted_and_short_values_are_not_remembered()
    {
        var key = Planted.GitHub(503);
        var scrubber = new KnownSecretsScrubber(new RuleBasedSecretScrubber());
        scrubber.Remember("abc1234");
        scrubber.Remember("        ");

        Assert.Equal(0, scrubber.Count);
        var scrubbed = scrubber.Scrub($"token {key} and abc1234");
        Assert.DoesNotContain(key, scrubbed, StringComparison.Ordinal);
        Assert.EndsWith(" and abc1234", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_remembered_value_is_returned_unchanged()
    {
        var scrubber = new KnownSecretsScrubber(NoSecretScrubber.Instance);
        var text = "nothing secret here";
        Assert.Same(text, scrubber.Scrub(text));
        scrubber.Remember(Plain(504));
        Assert.Same(text, scrubber.Scrub(text));
    }

    [Fact]
    public async Task Values_remembered_from_many_threads_are_all_redacted()
    {
        var scrubber = new KnownSecretsScrubber(NoSecretScrubber.Instance);
        var values = Enumerable.Range(0, 200).Select(i => Plain(600 + i)).ToList();

        await Task.WhenAll(values.Select(v => Task.Run(() => scrubber.Remember(v))));

        Assert.Equal(values.Count, scrubber.Count);
        var scrubbed = scrubber.Scrub(string.Join(' ', values));
        Assert.All(values, v => Assert.DoesNotContain(v, scrubbed, StringComparison.Ordinal));
    }
}
