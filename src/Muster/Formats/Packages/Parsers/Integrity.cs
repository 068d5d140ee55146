using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// Subresource-integrity strings as npm, yarn, pnpm and bun lockfiles write them (<c>sha512-BASE64</c>, several
/// separated by spaces), and NuGet's <c>contentHash</c> (the base64 SHA-512 of the .nupkg). A malformed part is
/// dropped: a digest that cannot be decoded proves nothing.
/// </summary>
internal static class Integrity
{
    public static IReadOnlyList<PackageHash> FromSri(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var hashes = new List<PackageHash>();
        foreach (var part in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-');
            if (dash <= 0) continue;
            var algorithm = part[..dash] switch
            {
                "sha1" => DigestAlgorithm.Sha1,
                "sha256" => DigestAlgorithm.Sha256,
                "sha384" => DigestAlgorithm.Sha384,
                "sha512" => DigestAlgorithm.Sha512,
                _ => (DigestAlgorithm?)null,
            };
            // SRI allows "?options" after the digest.
            var digest = part[(dash + 1)..].Split('?')[0];
            if (algorithm is { } a && Hex(digest, Length(a)) is { } hex && hashes.All(h => h.Algorithm != a)) hashes.Add(new PackageHash(a, hex));
        }
        return hashes;
    }

    public static IReadOnlyList<PackageHash> FromBase64Sha512(string? text) =>
        text is not null && Hex(text, Length(DigestAlgorithm.Sha512)) is { } hex ? [new PackageHash(DigestAlgorithm.Sha512, hex)] : [];

    /// <summary>A Python lockfile's <c>sha256:HEX</c> (also sha384/sha512); null when it is not one.</summary>
    public static PackageHash? FromPrefixedHex(string? text)
    {
        var colon = text?.IndexOf(':') ?? -1;
        if (colon <= 0) return null;
        DigestAlgorithm? algorithm = text![..colon] switch
        {
            "sha256" => DigestAlgorithm.Sha256,
            "sha384" => DigestAlgorithm.Sha384,
            "sha512" => DigestAlgorithm.Sha512,
            _ => null,
        };
        var hex = text[(colon + 1)..].ToLowerInvariant();
        return algorithm is { } a && hex.Length == Length(a) * 2 && hex.All(char.IsAsciiHexDigitLower) ? new PackageHash(a, hex) : null;
    }

    private static int Length(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Sha1 => 20,
        DigestAlgorithm.Sha256 => 32,
        DigestAlgorithm.Sha384 => 48,
        _ => 64,
    };

    private static string? Hex(string base64, int expectedBytes)
    {
        var buffer = new byte[expectedBytes + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == expectedBytes
            ? Convert.ToHexStringLower(buffer.AsSpan(0, written))
            : null;
    }
}
