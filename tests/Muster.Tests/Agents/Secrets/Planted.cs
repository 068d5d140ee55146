using Muster.SecretsCorpus;

namespace Muster.Tests.Agents.Secrets;

/// <summary>Credential-shaped values built at run time from a provider prefix and seeded random characters.</summary>
internal static class Planted
{
    public static string Anthropic(int seed) => SampleTemplate.Expand("sk-ant-" + "api03-{b64url:93}AA", seed);
    public static string OpenAiProject(int seed) => SampleTemplate.Expand("sk-" + "proj-{b64url:120}", seed);
    public static string GitHub(int seed) => SampleTemplate.Expand("gh" + "p_{alnum:36}", seed);
    public static string GoogleApiKey(int seed) => SampleTemplate.Expand("AI" + "za{b64url:35}", seed);
    public static string AwsKeyId(int seed) => SampleTemplate.Expand("AK" + "IA{b32:16}", seed);
    public static string AwsSecret(int seed) => SampleTemplate.Expand("{b64:40}", seed);
    public static string Password(int seed) => SampleTemplate.Expand("{alnum:7}#{digit:2}!", seed);
}
