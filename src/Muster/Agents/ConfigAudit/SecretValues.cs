using System.Text.RegularExpressions;
using Muster.Formats.Secrets;

namespace Muster.Agents.ConfigAudit;

/// <summary>Decides whether a key/value pair in a config file holds a literal secret rather than a reference.</summary>
internal static partial class SecretValues
{
    /// <summary>Key names like <c>DB_PASSWORD</c>, <c>api-key</c>, <c>JwtSecret</c>; not <c>PASSWORD_FILE</c> or <c>PUBLIC_KEY</c>.</summary>
    public static bool IsSecretKey(string key) => SecretKeyNames.IsSecretKey(key);

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
        if (SecretValueClassifier.IsNotLiteral(v)) return false; // the shared placeholder / reference / ciphertext classifier
        return v.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "null" or "none");
    }

    /// <summary>A URL that carries a literal password: <c>scheme://user:password@host</c>.</summary>
    public static bool TryGetUrlPassword(string value, out string password)
    {
        var m = UrlCredentials().Match(value);
        password = m.Success ? m.Groups["password"].Value : "";
        return m.Success && IsLiteralSecret(password);
    }

    // change…: "changePassword", "changeRunnerAuthToken", "change_this" ask for the real value.
    [GeneratedRegex(@"^(x+|\*+|\.\.\.|your[-_ ].*|.*[-_]here|placeholder|redacted|<.*|change[-_ ]?[a-z0-9].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/:@\s]+:(?<password>[^@\s/]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
