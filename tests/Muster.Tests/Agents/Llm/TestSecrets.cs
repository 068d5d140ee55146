namespace Muster.Tests.Agents.Llm;

/// <summary>Credential-shaped values built at run time: the repository never holds one.</summary>
internal static class TestSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Rand(int seed, int length)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    public static string OpenAiKey(int seed) => "sk-" + "proj-" + Rand(seed, 48);
}
