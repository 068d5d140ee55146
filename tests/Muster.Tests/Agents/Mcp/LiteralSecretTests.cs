using Muster.Agents.Mcp;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Agents.Mcp;

/// <summary>
/// The MCP agent judges a literal under a secret-named key with the shared SecretValueClassifier: every word of its
/// former private placeholder list is still a placeholder, and what the shared classifier knows besides (a variable's
/// name, a secret file's path, ciphertext) is no longer reported as a written secret.
/// </summary>
public sealed class LiteralSecretTests
{
    [Theory]
    [InlineData("your-api-token-1")]
    [InlineData("Changeme2024Q")]
    [InlineData("Change-Me-7Q2z")]
    [InlineData("Example7Q2zK9")]
    [InlineData("Placeholder7Q2z")]
    [InlineData("Q7xxxx2zK9")]
    [InlineData("<api-token-7Q2z>")]
    [InlineData("TODO7Q2zK9pL")]
    [InlineData("Replace7Q2zK9")]
    public void A_placeholder_word_of_the_former_list_is_not_a_written_secret(string value) =>
        Assert.Null(LiteralSecret.Classify("API_TOKEN", value));

    [Theory]
    [InlineData("MUSTER_GH_TOKEN")]
    [InlineData("/run/secrets/api_token")]
    [InlineData("ENC[AES256_GCM,data:7Q2zK9pL]")]
    public void A_name_a_path_or_ciphertext_is_not_a_written_secret(string value) =>
        Assert.Null(LiteralSecret.Classify("API_TOKEN", value));

    [Fact]
    public void A_random_literal_under_a_secret_name_is_a_written_secret()
    {
        Assert.Equal("secret value", LiteralSecret.Classify("API_TOKEN", Planted.Plain(11)));
        Assert.Null(LiteralSecret.Classify("LOG_LEVEL", Planted.Plain(11)));
    }
}
