using Muster.Model;

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
}
