using System.Text.RegularExpressions;

namespace Muster.Formats.Credentials;

/// <summary>
/// The shapes of well-known provider credentials. Used to say whether a value is well-formed for its provider (format
/// only: a credential is never sent anywhere) and whether a literal value in a configuration file is a credential.
/// </summary>
public static partial class CredentialFormats
{
    public sealed record Format(string Provider, string Description, Regex Pattern, IReadOnlyList<string> VariableHints);

    public static readonly IReadOnlyList<Format> All =
    [
        new("Anthropic", "Anthropic API key", AnthropicKey(), ["ANTHROPIC"]),
        new("OpenAI", "OpenAI project key", OpenAiProjectKey(), ["OPENAI"]),
        new("OpenAI", "OpenAI API key", OpenAiKey(), ["OPENAI"]),
        new("GitHub", "GitHub token", GitHubToken(), ["GITHUB", "GH_"]),
        new("GitHub", "GitHub fine-grained token", GitHubFineGrained(), ["GITHUB", "GH_"]),
        new("AWS", "AWS access key id", AwsAccessKeyId(), ["AWS_ACCESS_KEY"]),
        new("AWS", "AWS secret access key", AwsSecretKey(), ["AWS_SECRET"]),
        new("Google", "Google API key", GoogleApiKey(), ["GOOGLE", "GEMINI", "YOUTUBE"]),
        new("Slack", "Slack token", SlackToken(), ["SLACK"]),
        new("Hugging Face", "Hugging Face token", HuggingFaceToken(), ["HF_", "HUGGING"]),
        new("Stripe", "Stripe key", StripeKey(), ["STRIPE"]),
    ];

    /// <summary>The format a value matches, if any.</summary>
    public static Format? Match(string value) => All.FirstOrDefault(f => f.Pattern.IsMatch(value));

    /// <summary>The formats a variable's name suggests (OPENAI_API_KEY → OpenAI), most specific first.</summary>
    public static IReadOnlyList<Format> ExpectedFor(string variableName)
    {
        var upper = variableName.ToUpperInvariant();
        return All.Where(f => f.VariableHints.Any(h => upper.Contains(h, StringComparison.Ordinal))).ToList();
    }

    /// <summary>Names that say the value is secret (API_KEY, TOKEN, PASSWORD, Authorization...).</summary>
    public static bool NameSuggestsSecret(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"^sk-ant-(api|admin)\d{2}-[A-Za-z0-9_\-]{80,120}$")]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"^sk-proj-[A-Za-z0-9_\-]{40,200}$")]
    private static partial Regex OpenAiProjectKey();

    [GeneratedRegex(@"^sk-(?!ant-|proj-)[A-Za-z0-9_\-]{20,200}$")]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"^gh[pousr]_[A-Za-z0-9]{36,255}$")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"^github_pat_[A-Za-z0-9_]{60,255}$")]
    private static partial Regex GitHubFineGrained();

    [GeneratedRegex(@"^(AKIA|ASIA)[A-Z0-9]{16}$")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"^[A-Za-z0-9/+=]{40}$")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(@"^AIza[A-Za-z0-9_\-]{35}$")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"^xox[abposr]-[A-Za-z0-9\-]{10,250}$")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"^hf_[A-Za-z0-9]{30,60}$")]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{20,250}$")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIAL|AUTH|PAT\b|BEARER)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
