using System.Buffers;
using System.Text.RegularExpressions;

namespace Muster.Formats.Secrets;

/// <summary>
/// The one placeholder / reference / ciphertext classifier for configured secret values, shared by the secrets agent
/// and config-audit. It judges shape, not words of one language: <c>your-</c>, <c>&lt;…&gt;</c>, <c>{{…}}</c>,
/// <c>fake-</c>, phrases of lowercase words ("sua chave", "tu-clave-api"), text in a non-Latin script, runs and
/// ascending sequences.
/// </summary>
public static partial class SecretValueClassifier
{
    private static readonly SearchValues<string> PlaceholderWords = SearchValues.Create(
    [
        "example", "your", "placeholder", "changeme", "change_me", "change-me", "changeit", "dummy", "sample", "redacted",
        "replace", "insert", "todo", "fixme", "xxxx", "****", "....", "…", "<", ">", "${", "{{", "}}", "%(", "$(", "secret_here",
        "key_here", "token_here", "notreal", "not_real", "not-real", "fake", "for_tests", "for-tests", "for tests",
    ], StringComparison.OrdinalIgnoreCase);

    // Values people write when they mean "put the real one here"; also the literal word reused as its own value.
    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "secret", "token", "apikey", "api_key", "guest", "admin", "root", "user", "username",
        "test", "testing", "none", "null", "nil", "undefined", "true", "false", "empty", "string", "str", "bytes", "int",
        "required", "optional", "value", "default", "foobar", "foo", "bar", "baz", "password1", "password123", "letmein",
        "qwerty", "123456", "12345678", "abc123", "secret123", "mypassword", "s3cr3t", "hunter2x", "pass123", "p@ssw0rd",
    };

    private static readonly string[] EncryptedPrefixes = ["ENC[", "ENC(", "!vault", "$ANSIBLE_VAULT", "vault:v1:", "vault:v2:", "{cipher}", "-----BEGIN PGP MESSAGE", "AQICAH"];

    /// <summary>The kind of <paramref name="value"/> (quotes and surrounding spaces are the caller's to strip).</summary>
    public static SecretValueKind Classify(string value)
    {
        if (value.Length == 0) return SecretValueKind.Placeholder;
        foreach (var prefix in EncryptedPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal)) return SecretValueKind.Encrypted;
        }
        if (EnvironmentReference().IsMatch(value) || EnvironmentName().IsMatch(value) || TemplateField().IsMatch(value)) return SecretValueKind.Reference;
        if (value[0] is '{' or '?') return SecretValueKind.Reference; // an interpolation or object literal; ${VAR:?message}'s message
        if (value.Length > 1 && value[0] == '%' && value[^1] == '%') return SecretValueKind.Reference;
        if (SecretFilePath().IsMatch(value)) return SecretValueKind.SecretFilePath;
        if (PlaceholderValues.Contains(value) || value.AsSpan().IndexOfAny(PlaceholderWords) >= 0) return SecretValueKind.Placeholder;
        if (IsNaturalLanguage(value)) return SecretValueKind.NaturalLanguage;
        if (LowercasePhrase().IsMatch(value)) return SecretValueKind.Placeholder;
        if (MostlyOneChar(value) || IsSequence(value) || HasLongRun(value)) return SecretValueKind.Placeholder;
        return SecretValueKind.Literal;
    }

    /// <summary>Not a usable literal: a placeholder, a reference, ciphertext, a file path or words.</summary>
    public static bool IsNotLiteral(string value) => Classify(value) != SecretValueKind.Literal;

    /// <summary>
    /// Words rather than a credential: text with spaces whose parts are words, or text in a non-Latin script
    /// ("Mot de passe", "Das Passwort ist zu kurz", "Пароль", "密码"), or a capitalised single word ("Kennwort").
    /// </summary>
    public static bool IsNaturalLanguage(string value)
    {
        var nonAsciiLetter = false;
        var digit = false;
        foreach (var c in value)
        {
            if (c > 127 && char.IsLetter(c)) nonAsciiLetter = true;
            else if (char.IsAsciiDigit(c)) digit = true;
        }
        if (nonAsciiLetter && !digit) return true;
        return Words().IsMatch(value) || CapitalisedWord().IsMatch(value);
    }

    private static bool MostlyOneChar(string value)
    {
        if (value.Length < 6) return false;
        Span<int> counts = stackalloc int[128];
        var max = 0;
        foreach (var c in value)
        {
            if (c < 128) max = Math.Max(max, ++counts[c]);
        }
        return max * 10 >= value.Length * 6;
    }

    private static bool IsSequence(string value)
    {
        if (value.Length < 6) return false;
        var ascending = 0;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == value[i - 1] + 1) ascending++;
        }
        return ascending * 10 >= (value.Length - 1) * 8;
    }

    /// <summary>
    /// A hand-typed sample inside a token shape: a run of eight or more ascending characters (<c>abcdefgh</c>,
    /// <c>12345678</c>) or of six identical ones. Random tokens hold such runs with negligible probability.
    /// </summary>
    public static bool HasLongRun(string value)
    {
        int ascending = 1, same = 1;
        for (var i = 1; i < value.Length; i++)
        {
            ascending = value[i] == value[i - 1] + 1 ? ascending + 1 : 1;
            same = value[i] == value[i - 1] ? same + 1 : 1;
            if (ascending >= 8 || same >= 6) return true;
        }
        return false;
    }

    // $VAR, ${VAR}, and PowerShell / shell expressions: $env:PW, $config.password, $(cat pw)
    [GeneratedRegex(@"^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^\$(?:env:|\(|[A-Za-z_][\w]*\.)")]
    private static partial Regex EnvironmentReference();

    // MUSTER_GH_TOKEN: the name of a variable that holds it
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[})\],;]*$")]
    private static partial Regex EnvironmentName();

    // {name}, {name:format}: a template, not a value
    [GeneratedRegex(@"\{[A-Za-z_][\w.]*(?::[^{}]*)?\}")]
    private static partial Regex TemplateField();

    // /run/secrets/db_password, /certs/redis.key, ~/.config/x, C:\secrets\db.txt, ./secrets/x: where the secret is kept.
    // Outside the well-known roots an absolute path needs two or more lowercase segments: a random base64 value that
    // starts with a slash mixes cases.
    [GeneratedRegex(@"^(?:/(?:run|var/run|etc|opt|srv|home|secrets|mnt|data|usr|Users|tmp|root|app)/[\w.\-/]+|/(?:[a-z0-9_.\-]+/)+[a-z0-9_.\-]+|~/[\w.\-/]+|[A-Za-z]:\\[\w.\-\\ ]+|\.{1,2}/[\w.\-/]+)$")]
    private static partial Regex SecretFilePath();

    // "sua chave", "tu-clave-api", "your_api_key_here", "insert key from dashboard", "n8n-test-password": lowercase
    // words joined by separators; a digit only inside a word (n8n, k8s), so "blue7-horse" stays a literal
    [GeneratedRegex(@"^\p{Ll}(?:\p{Ll}|\d(?=\p{Ll})){0,14}(?:[ _\-]\p{Ll}(?:\p{Ll}|\d(?=\p{Ll})){0,14}){1,}$")]
    private static partial Regex LowercasePhrase();

    // Two or more words separated by spaces, each starting with a letter: "Forgot your password?", "Use at least 8 characters"
    [GeneratedRegex(@"^\p{L}[\p{L}'’]*[,.!?:]?(?: +[\p{L}\d][\p{L}\d'’]*[,.!?:;]?)+[.!?…]?$")]
    private static partial Regex Words();

    // "Kennwort", "Senha", "Password": one capitalised word of letters
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+$")]
    private static partial Regex CapitalisedWord();
}
