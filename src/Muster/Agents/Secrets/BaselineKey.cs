using System.Security.Cryptography;
using System.Text;

namespace Muster.Agents.Secrets;

/// <summary>
/// The key a committed baseline stores for a secret: PBKDF2-HMAC-SHA256 of the value with a random 16-byte salt kept
/// in the entry, 100,000 iterations, truncated to 32 bits. No workspace salt is involved, so a fresh clone matches it;
/// each guess at the value costs an attacker the full KDF, and 32 bits cannot confirm a guess from a large space (about
/// one value in 4 billion shares a key). The trade-off is in docs/secrets.md.
/// </summary>
public static class BaselineKey
{
    public const int Iterations = 100_000;
    public const int KeyBytes = 4;
    private const int SaltBytes = 16;

    /// <summary>Written in the file, so a later change of parameters is detected rather than silently never matching.</summary>
    public const string Description = "pbkdf2-sha256:100000:4";

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes));

    public static string Derive(string secret, string saltHex)
    {
        byte[] salt;
        try
        {
            salt = Convert.FromHexString(saltHex);
        }
        catch (FormatException)
        {
            salt = Encoding.UTF8.GetBytes(saltHex);
        }
        return Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes));
    }

    /// <summary>The <see cref="Muster.Model.SuppressionMarks.BaselineKey"/> property: <c>salt:key</c>.</summary>
    public static string Format(string saltHex, string key) => saltHex + ":" + key;

    public static bool TryParse(string text, out string salt, out string key)
    {
        var colon = text.IndexOf(':');
        (salt, key) = colon > 0 ? (text[..colon], text[(colon + 1)..]) : ("", "");
        return salt.Length > 0 && key.Length > 0;
    }

    /// <summary>One derivation per (value, salt) within a scan: a value found on several lines of one file costs one KDF.</summary>
    public sealed class Cache
    {
        private readonly Dictionary<(string Secret, string Salt), string> _keys = [];

        public string Derive(string secret, string saltHex)
        {
            if (_keys.TryGetValue((secret, saltHex), out var key)) return key;
            return _keys[(secret, saltHex)] = BaselineKey.Derive(secret, saltHex);
        }
    }
}
