namespace Muster.Model;

/// <summary>Shortens a secret to a recognisable but useless form: a short prefix and suffix with '…' between.</summary>
public static class Redaction
{
    public const char Ellipsis = '…';

    /// <summary>The longest run of a secret a redaction keeps: any 12 characters of a value count as a leak (issue 18).</summary>
    public const int MaxKeptRun = 11;

    public static string Redact(string secret)
    {
        if (string.IsNullOrEmpty(secret)) return "";
        // Short values show nothing but their length class: a 6-character password must not leak 4 of its characters.
        if (secret.Length < 12) return new string('*', Math.Min(secret.Length, 4)) + Ellipsis;
        var keep = secret.Length >= 24 ? 4 : 2;
        // Keep well-known provider prefixes readable (sk-ant-, ghp_, AKIA): they identify the key, not the secret part.
        var prefixLength = Math.Min(KnownPrefixLength(secret) + keep, secret.Length / 3);
        prefixLength = Math.Min(Math.Max(prefixLength, Math.Min(keep, secret.Length / 4)), MaxKeptRun);
        return string.Concat(secret.AsSpan(0, prefixLength), Ellipsis.ToString(), secret.AsSpan(secret.Length - keep));
    }

    // A provider prefix is a word (sk-, xkeysib-, glagent-); a first group of hex digits (a UUID-shaped key) is secret.
    private static int KnownPrefixLength(string secret)
    {
        var dash = secret.IndexOfAny(['-', '_']);
        if (dash is <= 0 or > 14) return 0;
        return secret.AsSpan(0, dash).ContainsAnyExcept("0123456789abcdefABCDEF") ? dash + 1 : 0;
    }
}
