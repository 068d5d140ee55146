using System.IO.Hashing;
using System.Text;

namespace Muster.SecretsCorpus;

/// <summary>
/// Seeded random values for one case file. Credential-shaped values exist only at run time: a provider prefix
/// plus random characters (with the provider's checksum where its format has one).
/// </summary>
public sealed class CaseValues(Random random)
{
    /// <summary>Brackets a value the scanner must report; stripped before the file is written.</summary>
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public Random Random => random;

    /// <summary>Marks <paramref name="value"/> as a credential the scanner must report on its line.</summary>
    public static string Secret(string value) => Open + value + Close;

    public string T(string template) => SampleTemplate.Expand(template, random);
    public string Alnum(int n) => T($"{{alnum:{n}}}");
    public string Hex(int n) => T($"{{hex:{n}}}");
    public string Lower(int n) => T($"{{lower:{n}}}");
    public string Upper(int n) => T($"{{upper:{n}}}");
    public string Digits(int n) => T($"{{digit:{n}}}");
    public string B64(int n) => T($"{{b64:{n}}}");
    public string B64Url(int n) => T($"{{b64url:{n}}}");
    public string B32(int n) => T($"{{b32:{n}}}");
    public string UpDig(int n) => T($"{{updig:{n}}}");
    public string LowDig(int n) => T($"{{lowdig:{n}}}");

    /// <summary>A human-chosen password: a capital, lower letters, digits and one symbol.</summary>
    public string Password()
    {
        const string symbols = "!#%&*+-=?@^_";
        return Upper(1) + Lower(4 + random.Next(3)) + Digits(2) + symbols[random.Next(symbols.Length)] + LowDig(2);
    }

    public string Uuid() => new Guid(Bytes(16)).ToString();

    public byte[] Bytes(int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A GitHub/npm-style token: prefix, 30 base62 characters and the base62 CRC-32 of those 30.</summary>
    public string Base62Checksummed(string prefix)
    {
        var entropy = T("{alnum:30}");
        return prefix + entropy + Base62Crc(entropy);
    }

    public static string Base62Crc(string entropy)
    {
        var crc = Crc32.HashToUInt32(Encoding.ASCII.GetBytes(entropy));
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }
        return new string(chars);
    }

    /// <summary>Base64 lines of a PEM body (random bytes: shaped like a key, not one).</summary>
    public string PemBody(int lines, string newline = "\n")
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++) sb.Append(B64(64)).Append(newline);
        return sb.ToString();
    }
}
