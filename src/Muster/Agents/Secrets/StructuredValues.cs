using System.Text;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>Decoding checks for values whose structure says whether they hold a credential.</summary>
internal static class StructuredValues
{
    /// <summary>An HTTP Basic value: base64 of printable <c>user:password</c> with a non-placeholder password.</summary>
    public static bool IsBasicCredential(string value)
    {
        var text = DecodeBase64(value, urlSafe: false);
        if (text is null) return false;
        var colon = text.IndexOf(':');
        if (colon < 0 || colon == text.Length - 1) return false;
        if (text.Any(c => c < 0x20 || c == 0x7F || c == '\uFFFD')) return false;
        return !Muster.Formats.Secrets.SecretValueClassifier.IsNotLiteral(text[(colon + 1)..]);
    }

    /// <summary>A JWT whose header decodes to JSON naming an algorithm.</summary>
    public static bool IsJwt(string value)
    {
        var dot = value.IndexOf('.');
        if (dot <= 0) return false;
        var header = DecodeBase64(value[..dot], urlSafe: true);
        return header is not null && header.TrimStart().StartsWith('{') && header.Contains("\"alg\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Why a JWT is public by design, else null: Supabase's anon key (payload role "anon") ships to browsers and is
    /// harmless only while row-level security holds, so it stays a finding, at LOW.
    /// </summary>
    public static SeverityCap? PublicJwtRole(string value)
    {
        var parts = value.Split('.');
        if (parts.Length < 2) return null;
        var payload = DecodeBase64(parts[1], urlSafe: true);
        if (payload is null) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(payload);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && json.RootElement.TryGetProperty("role", out var role) && role.ValueKind == System.Text.Json.JsonValueKind.String
                   && role.GetString() == "anon"
                ? new SeverityCap(Severity.Low, "The token's payload says role \"anon\": a Supabase anon (public) key, meant for browsers; it is safe only while row-level security is enabled on every exposed table.")
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>An Atlassian Data Center personal access token: base64 of a numeric id, a colon and random bytes.</summary>
    public static bool IsAtlassianDataCenterToken(string value)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return false;
        }
        var digits = 0;
        while (digits < bytes.Length && bytes[digits] is >= (byte)'0' and <= (byte)'9') digits++;
        return digits >= 8 && digits < bytes.Length && bytes[digits] == ':';
    }

    private static string? DecodeBase64(string value, bool urlSafe)
    {
        var s = urlSafe ? value.Replace('-', '+').Replace('_', '/') : value;
        s = s.TrimEnd('=');
        s += new string('=', (4 - s.Length % 4) % 4);
        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(s));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
