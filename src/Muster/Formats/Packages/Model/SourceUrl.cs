using System.Text.RegularExpressions;

namespace Muster.Formats.Packages.Model;

/// <summary>
/// Strips credentials from URLs that lockfiles and manifests carry (<c>git+https://user:token@host/x.git</c>):
/// the userinfo part before <c>@</c> becomes <c>***</c>, so the host and path stay readable and the reader still sees
/// that the file holds a credential. Every package field and parse message passes through here when it is stored,
/// so the SBOM, report.json and findings only ever hold the redacted form.
/// </summary>
internal static partial class SourceUrl
{
    public const string Mask = "***";

    public static string Redact(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? Userinfo().Replace(text, m => m.Groups["scheme"].Value + Mask + "@") : text;

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // Greedy up to the last '@' before the path, so a password holding an unencoded '@' is removed whole.
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?<userinfo>[^/?#\s]+)@", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Userinfo();
}
