namespace Muster.Tests.Reports;

/// <summary>Credential-shaped values built at run time so the repository never holds one.</summary>
internal static class TestSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int seed, int length)
    {
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[r.Next(Alphabet.Length)];
        });
    }

    public static string AnthropicShaped(int seed) => "sk-ant-" + "api03-" + Random(seed, 93);
}
