using Muster.Model;
using Muster.SecretsCorpus;

namespace Muster.Tests.Model;

public class RedactionTests
{
    public static TheoryData<string> Secrets => new()
    {
        "hunter2",
        "correct-horse-battery",
        // Built at run time: the repository never holds a value shaped like a live key.
        "sk-ant-" + "api03-" + new string('Q', 40) + "0123456789",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redacted_value_never_contains_the_whole_secret(string secret)
    {
        var redacted = Redaction.Redact(secret);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(Redaction.Ellipsis, redacted);
        Assert.True(redacted.Length < secret.Length);
    }

    [Fact]
    public void Short_secrets_reveal_no_characters()
    {
        Assert.Equal("****…", Redaction.Redact("pa55word"));
    }

    [Fact]
    public void Long_keys_keep_provider_prefix_and_a_short_suffix()
    {
        var redacted = Redaction.Redact("ghp_" + new string('a', 32) + "WXYZ");

        Assert.StartsWith("ghp_", redacted, StringComparison.Ordinal);
        Assert.EndsWith("WXYZ", redacted, StringComparison.Ordinal);
    }

    // Issue 18's end-to-end leak test found these shapes keeping 12 or 13 characters in a row (prefix + 4).
    [Theory]
    [InlineData("xkeysib-", 64)]
    [InlineData("glagent-", 50)]
    [InlineData("rubygems_", 48)]
    [InlineData("SG.abcdefgh-", 56)]
    public void Long_provider_prefixes_keep_fewer_than_twelve_characters_in_a_row(string prefix, int randomLength)
    {
        var secret = prefix + SampleTemplate.Expand("{lowdig:" + randomLength + "}", 31);

        var redacted = Redaction.Redact(secret);

        Assert.StartsWith(prefix[..Math.Min(prefix.Length, Redaction.MaxKeptRun)], redacted, StringComparison.Ordinal);
        Assert.All(redacted.Split(Redaction.Ellipsis), part => Assert.True(part.Length <= Redaction.MaxKeptRun, $"kept '{part}'"));
    }

    [Fact]
    public void A_uuid_shaped_key_keeps_no_group_of_it_as_a_prefix()
    {
        var secret = SampleTemplate.Expand("{hex:8}-{hex:4}-{hex:4}-{hex:4}-{hex:12}", 32);

        var redacted = Redaction.Redact(secret);

        Assert.Equal(secret[..4] + Redaction.Ellipsis + secret[^4..], redacted);
    }
}
