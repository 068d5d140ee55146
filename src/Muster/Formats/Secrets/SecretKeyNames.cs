using System.Text.RegularExpressions;

namespace Muster.Formats.Secrets;

/// <summary>
/// Whether a key name (<c>DB_PASSWORD</c>, <c>api-key</c>, <c>JwtSecret</c>) names a secret, or names something about
/// one (<c>PASSWORD_FILE</c>, <c>token_url</c>, <c>password_hint</c>, <c>api_key_id</c>), so its value is no credential.
/// </summary>
public static partial class SecretKeyNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "PW", "PSWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIALS", "CREDENTIAL", "AUTH",
    };

    private static readonly HashSet<string> AboutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FILE", "PATH", "DIR", "PUBLIC", "PUB", "ID", "IDS", "NAME", "USER", "USERNAME", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION",
        "LENGTH", "LEN", "SIZE", "TYPE", "HEADER", "URL", "URI", "ENDPOINT", "HOST", "PORT", "ALGORITHM", "ALG", "MODE",
        "POLICY", "PROVIDER", "ENABLED", "ENABLE", "DISABLED", "METHOD", "STRATEGY", "DOMAIN", "ISSUER", "AUDIENCE", "REALM",
        "SCOPE", "SCOPES", "REDIRECT", "CALLBACK", "VERSION", "COUNT", "MAX", "MIN", "TIMEOUT", "LIMIT", "PREFIX", "LOCATION",
        "REQUIRED", "HINT", "LABEL", "PLACEHOLDER", "FIELD", "FORMAT", "PATTERN", "REGEX", "STRENGTH", "RESET",
        "FORGOT", "CONFIRM", "CONFIRMATION", "INVALID", "MISMATCH", "ERROR", "MESSAGE", "TITLE", "DESCRIPTION", "TEXT",
        "PROMPT", "TOOLTIP", "HELP", "COLUMN", "LIMITS", "HASHER", "HASHERS", "HASH", "SALT_ROUNDS", "ROUNDS", "ENV", "VAR",
        "PARAM", "ARG", "OPTION", "FLAG", "STORE", "MANAGER", "SOURCE", "REF", "ARN", "VAULT", "SECRETNAME", "USAGE", "USED",
        "TOKENS", "KEYS", "SECRETS", "PASSWORDS", "LIFETIME", "ROTATION", "INTERVAL", "SECONDS", "MINUTES", "HOURS", "DAYS",
        "BYTES", "BITS", "ENCODING", "KIND", "CLASS", "MODULE", "PACKAGE", "EXAMPLE", "SAMPLE", "TEMPLATE", "SCHEMA",
    };

    /// <summary>Key names like <c>DB_PASSWORD</c>, <c>api-key</c>, <c>JwtSecret</c>; not <c>PASSWORD_FILE</c> or <c>PUBLIC_KEY</c>.</summary>
    public static bool IsSecretKey(string key)
    {
        var words = Split(key);
        if (words.Any(AboutWords.Contains)) return false;
        return words.Any(w => SecretWords.Contains(w) || w.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                                                     || w.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
                                                     || w.Contains("TOKEN", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A key that names something about a secret (its file, URL, id, hint, length…), so the value is no credential.
    /// Only the words after the secret word count: <c>USER_PASSWORD</c> is a secret, <c>PASSWORD_USER</c> is not.
    /// </summary>
    public static bool IsAboutSecret(string key)
    {
        var words = Split(key);
        return words.Length > 1 && AboutWords.Contains(words[^1]) && !IsSecretWord(words[^1]);
    }

    private static bool IsSecretWord(string word) =>
        SecretWords.Contains(word) || word.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                                   || word.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
                                   || word.Contains("TOKEN", StringComparison.OrdinalIgnoreCase);

    private static string[] Split(string key) =>
        WordSplit().Split(CamelBoundary().Replace(key, "$1_$2")).Where(w => w.Length > 0).ToArray();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
