using System.IO.Hashing;
using System.Text;

namespace Muster.Agents.Secrets;

/// <summary>
/// Checksums that providers build into their token formats: GitHub's and npm's (CRC-32 of the random part, base62,
/// six characters), NATS NKEY seeds (base32 with a CRC-16/XMODEM), age secret keys (bech32).
/// </summary>
internal static class TokenChecksums
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /// <summary><c>ghp_</c> + 30 random base62 + 6 base62 CRC-32 of those 30 (also gho_, ghu_, ghs_, ghr_, npm_).</summary>
    public static TokenCheck Base62Crc32(string token)
    {
        var underscore = token.IndexOf('_');
        if (underscore < 0 || token.Length - underscore - 1 != 36) return TokenCheck.NotApplicable;
        var entropy = token.AsSpan(underscore + 1, 30);
        var crc = Crc32.HashToUInt32(Encoding.ASCII.GetBytes(entropy.ToString()));
        var expected = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            expected[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }
        return token.AsSpan(token.Length - 6).SequenceEqual(expected) ? TokenCheck.Verified : TokenCheck.Failed;
    }

    /// <summary>An NKEY seed (<c>SU…</c>, 58 base32 characters): the last two bytes are the CRC-16 of the rest.</summary>
    public static TokenCheck NkeySeed(string seed)
    {
        if (seed.Length != 58) return TokenCheck.NotApplicable;
        var bytes = DecodeBase32(seed);
        if (bytes is null || bytes.Length < 36) return TokenCheck.Failed;
        ushort crc = 0;
        for (var i = 0; i < 34; i++)
        {
            crc ^= (ushort)(bytes[i] << 8);
            for (var b = 0; b < 8; b++) crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
        }
        return (bytes[34] | bytes[35] << 8) == crc ? TokenCheck.Verified : TokenCheck.Failed;
    }

    /// <summary>A bech32 string such as an age secret key (<c>AGE-SECRET-KEY-1…</c>), checked case-insensitively.</summary>
    public static TokenCheck Bech32String(string value)
    {
        var lower = value.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || lower.Length - separator < 7) return TokenCheck.NotApplicable;
        uint checksum = 1;
        foreach (var c in lower[..separator]) checksum = Polymod(checksum, (uint)(c >> 5));
        checksum = Polymod(checksum, 0);
        foreach (var c in lower[..separator]) checksum = Polymod(checksum, (uint)(c & 31));
        foreach (var c in lower[(separator + 1)..])
        {
            var v = Bech32.IndexOf(c);
            if (v < 0) return TokenCheck.Failed;
            checksum = Polymod(checksum, (uint)v);
        }
        return checksum == 1 ? TokenCheck.Verified : TokenCheck.Failed;
    }

    private static uint Polymod(uint checksum, uint value)
    {
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        var top = checksum >> 25;
        checksum = (checksum & 0x1ffffff) << 5 ^ value;
        for (var i = 0; i < 5; i++)
        {
            if ((top >> i & 1) != 0) checksum ^= generator[i];
        }
        return checksum;
    }

    private static byte[]? DecodeBase32(string text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var v = Base32.IndexOf(c);
            if (v < 0) return null;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}
