using Muster.Formats.Credentials;
using Muster.Formats.Mcp;
using Muster.Formats.Secrets;

namespace Muster.Agents.Mcp;

/// <summary>A secret written whole into a server's <c>env</c> or <c>headers</c>.</summary>
internal sealed record LiteralSecret(string Where, string Key, string Value, string Kind)
{
    public static IEnumerable<LiteralSecret> In(McpServerConfig server)
    {
        foreach (var (key, value) in server.Env)
        {
            if (Classify(key, value) is { } kind) yield return new LiteralSecret("env", key, value, kind);
        }
        foreach (var (key, value) in server.Headers)
        {
            // "Bearer sk-..." carries the secret after the scheme.
            var secret = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value;
            if (Classify(key, secret) is { } kind) yield return new LiteralSecret("headers", key, secret, kind);
        }
    }

    internal static string? Classify(string key, string value)
    {
        if (value.Length == 0 || McpValueReferences.IsReference(value)) return null;
        if (CredentialFormats.Match(value) is { } format && (format.Provider != "AWS" || format.Description.Contains("id", StringComparison.Ordinal) || CredentialFormats.NameSuggestsSecret(key)))
        {
            return format.Description;
        }
        if (!CredentialFormats.NameSuggestsSecret(key) || value.Length < 8 || value.Any(char.IsWhiteSpace)) return null;
        // The classifier the secrets agent and config-audit use: placeholders, references, ciphertext, paths, words.
        if (SecretValueClassifier.IsNotLiteral(value)) return null;
        if (value.Distinct().Count() < 5) return null;
        return "secret value";
    }
}
