using Muster.Formats.Credentials;
using Muster.Formats.Mcp;

namespace Muster.Agents.Mcp;

/// <summary>A secret written whole into a server's <c>env</c> or <c>headers</c>.</summary>
internal sealed record LiteralSecret(string Where, string Key, string Value, string Kind)
{
    private static readonly string[] Placeholders = ["your", "changeme", "change-me", "example", "placeholder", "xxx", "<", "todo", "replace"];

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
        var lower = value.ToLowerInvariant();
        if (Placeholders.Any(p => lower.Contains(p, StringComparison.Ordinal))) return null;
        if (value.Distinct().Count() < 5) return null;
        return "secret value";
    }
}
