using System.Text;
using System.Text.RegularExpressions;

namespace Muster.SecretsCorpus;

/// <summary>
/// Expands rule-sample templates such as <c>ghp_{alnum:36}</c> with seeded random characters, so the repository
/// never holds a credential-shaped value and every run tests the same values.
/// </summary>
public static partial class SampleTemplate
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    private static readonly Dictionary<string, string> Alphabets = new(StringComparer.Ordinal)
    {
        ["alnum"] = Lower + Upper + Digits,
        ["alpha"] = Lower + Upper,
        ["lower"] = Lower,
        ["upper"] = Upper,
        ["digit"] = Digits,
        ["hex"] = Digits + "abcdef",
        ["HEX"] = Digits + "ABCDEF",
        ["b64"] = Lower + Upper + Digits + "+/",
        ["b64url"] = Lower + Upper + Digits + "_-",
        ["b32"] = Upper + "234567",
        ["updig"] = Upper + Digits,
        ["lowdig"] = Lower + Digits,
        ["bech32"] = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    };

    public static string Expand(string template, int seed) => Expand(template, new Random(seed));

    public static string Expand(string template, Random random)
    {
        return Placeholder().Replace(template, m =>
        {
            var alphabet = Alphabets[m.Groups[1].Value];
            var length = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Random(random, alphabet, length);
        });
    }

    public static string Random(Random random, string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
        return sb.ToString();
    }

    public static string Alnum(Random random, int length) => Random(random, Alphabets["alnum"], length);

    /// <summary>The characters a template kind such as <c>hex</c> or <c>b64url</c> draws from.</summary>
    public static string Alphabet(string kind) => Alphabets[kind];

    [GeneratedRegex(@"\{(alnum|alpha|lower|upper|digit|hex|HEX|b64|b64url|b32|updig|lowdig|bech32):(\d+)\}")]
    private static partial Regex Placeholder();
}
