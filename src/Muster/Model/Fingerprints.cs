using System.Security.Cryptography;
using System.Text;

namespace Muster.Model;

/// <summary>Stable identifiers for findings. Inputs are joined unambiguously and hashed with SHA-256.</summary>
public static class Fingerprints
{
    public static string Compute(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.Length).Append(':').Append(part).Append('|');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Fingerprint of a secret: a keyed hash so the stored value cannot be brute-forced back from a baseline
    /// without the salt, and so two workspaces never share fingerprints by accident.
    /// </summary>
    public static string ForSecret(string salt, string ruleId, string path, string secret)
    {
        var key = Encoding.UTF8.GetBytes("muster-secret-fingerprint:" + salt);
        var digest = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret));
        return Compute(ruleId, path, Convert.ToHexStringLower(digest));
    }
}
