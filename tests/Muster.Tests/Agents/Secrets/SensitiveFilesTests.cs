using Muster.Agents;
using Muster.Agents.Secrets;

namespace Muster.Tests.Agents.Secrets;

public class SensitiveFilesTests
{
    [Theory]
    [InlineData("config/.env", true)]
    [InlineData(".env.production", true)]
    [InlineData(".env.example", false)]
    [InlineData("config/.env.sample", false)]
    [InlineData("home/.ssh/id_rsa", true)]
    [InlineData("home/.ssh/id_rsa.pub", false)]
    [InlineData("certs/server.pem", true)]
    [InlineData("certs/client.p12", true)]
    [InlineData("infra/terraform.tfstate", true)]
    [InlineData(".aws/credentials", true)]
    [InlineData("ZIGGIE_CLOUD_CREDENTIALS.md", true)]
    [InlineData("Keys-api/anthropic-api.txt", true)]
    [InlineData("docs/my-api-key.txt", true)]
    [InlineData(".pypirc", true)]
    [InlineData(".kube/config", true)]
    [InlineData("src/app.py", false)]
    [InlineData("src/Preflight/CredentialFormats.cs", false)]
    [InlineData("lib/credentials.py", false)]
    [InlineData("config/credentials.json", true)]
    [InlineData("docs/api-reference.md", false)]
    public void Classifies_credential_files_by_name(string path, bool sensitive) =>
        Assert.Equal(sensitive, SensitiveFiles.Classify(path) is not null);

    [Fact]
    public void A_user_rule_with_an_invalid_regex_or_short_keyword_is_a_settings_error()
    {
        var badRegex = Assert.Throws<AgentSettingsException>(() => SecretRuleSet.FromYaml("""
            rules:
              - id: broken
                keywords: [abcd]
                regex: '(unclosed'
            """));
        Assert.Contains("broken", badRegex.Message, StringComparison.Ordinal);
        Assert.Throws<AgentSettingsException>(() => SecretRuleSet.FromYaml("""
            rules:
              - id: short
                keywords: [ab]
                regex: 'ab'
            """));
    }

    [Theory]
    [InlineData("your-key-here", true)]
    [InlineData("${DB_PASSWORD}", true)]
    [InlineData("$DB_PASSWORD", true)]
    [InlineData("xxxxxxxxxxxxxxxx", true)]
    [InlineData("<token>", true)]
    [InlineData("changeme", true)]
    [InlineData("AKIAIOSFODNN7EXAMPLE", true)]
    [InlineData("abcdefghijkl", true)]
    [InlineData("Tr0ub4dor&3", false)]
    [InlineData("$apr1$q8w7e6r5$Xy", false)]
    public void Placeholders_are_recognised(string value, bool placeholder) =>
        Assert.Equal(placeholder, SecretHeuristics.IsPlaceholder(value));
}
