using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>Decides whether a key/value pair in a config file holds a literal secret rather than a reference.</summary>
internal static partial class SecretValues
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIALS", "CREDENTIAL", "AUTH",
    };

    private static readonly HashSet<string> NotSecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FILE", "PATH", "DIR", "PUBLIC", "PUB", "ID", "NAME", "USER", "USERNAME", "TTL", "EXPIRY", "EXPIRES", "LENGTH",
        "SIZE", "TYPE", "HEADER", "URL", "ENDPOINT", "HOST", "PORT", "ALGORITHM", "ALG", "MODE", "POLICY", "PROVIDER",
        "ENABLED", "ENABLE", "DISABLED", "METHOD", "STRATEGY", "DOMAIN", "ISSUER", "AUDIENCE", "REALM", "SCOPE", "SCOPES",
        "REDIRECT", "CALLBACK", "VERSION", "COUNT", "MAX", "MIN", "TIMEOUT", "LIMIT", "PREFIX", "LOCATION", "REQUIRED",
    };

    /// <summary>Key names like <c>DB_PASSWORD</c>, <c>api-key</c>, <c>JwtSecret</c>; not <c>PASSWORD_FILE</c> or <c>PUBLIC_KEY</c>.</summary>
    public static bool IsSecretKey(string key)
    {
        var words = WordSplit().Split(CamelBoundary().Replace(key, "$1_$2")).Where(w => w.Length > 0).ToArray();
        if (words.Any(NotSecretWords.Contains)) return false;
        return words.Any(w => SecretWords.Contains(w) || w.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                                                     || w.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
                                                     || w.Contains("TOKEN", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A literal value someone could use: not empty, not a <c>$VAR</c>/<c>${VAR}</c> reference, not a placeholder
    /// like <c>&lt;your-key&gt;</c> or <c>xxx</c>, not a number or boolean.
    /// </summary>
    public static bool IsLiteralSecret(string value)
    {
        var v = value.Trim().Trim('"', '\'');
        if (v.Length < 4) return false;
        if (v.Contains('$')) return false;
        if (v.StartsWith('<') && v.EndsWith('>')) return false;
        if (Placeholder().IsMatch(v)) return false;
        if (long.TryParse(v, out _)) return false;
        return v.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "null" or "none");
    }

    /// <summary>A URL that carries a literal password: <c>scheme://user:password@host</c>.</summary>
    public static bool TryGetUrlPassword(string value, out string password)
    {
        var m = UrlCredentials().Match(value);
        password = m.Success ? m.Groups["password"].Value : "";
        return m.Success && IsLiteralSecret(password);
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"^(x+|\*+|\.\.\.|your[-_ ].*|.*[-_]here|placeholder|redacted|<.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/:@\s]+:(?<password>[^@\s/]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
