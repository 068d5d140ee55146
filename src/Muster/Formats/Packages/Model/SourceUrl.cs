using System.Text;

namespace Muster.Formats.Packages.Model;

/// <summary>
/// Strips credentials from URLs that lockfiles and manifests carry (<c>git+https://user:token@host/x.git</c>):
/// the userinfo part before <c>@</c> becomes <c>***</c>, so the host and path stay readable and the reader still sees
/// that the file holds a credential. Every package field and parse message passes through here when it is stored,
/// so the SBOM, report.json and findings only ever hold the redacted form.
/// </summary>
/// <remarks>
/// A linear scan rather than a regex: the input is whatever a hostile lockfile holds, and a backtracking pattern
/// over a long scheme-like run is quadratic (a match timeout would then lose the redaction, not just the speed).
/// </remarks>
internal static class SourceUrl
{
    public const string Mask = "***";

    // The user names of ssh remotes (git@github.com, hg@bitbucket.org): not credentials, and masking them would
    // make every ssh dependency look like a leak.
    private static readonly HashSet<string> ConventionalUsers = new(StringComparer.Ordinal) { "git", "hg" };

    public static string Redact(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return text;
        StringBuilder? redacted = null;
        var copied = 0;
        while (separator >= 0)
        {
            var authorityStart = separator + 3;
            if (HasScheme(text, separator) && UserinfoEnd(text, authorityStart) is { } at && !IsConventionalUser(text, authorityStart, at))
            {
                redacted ??= new StringBuilder(text.Length);
                redacted.Append(text, copied, authorityStart - copied).Append(Mask);
                copied = at;
                separator = text.IndexOf("://", at, StringComparison.Ordinal);
            }
            else
            {
                separator = text.IndexOf("://", authorityStart, StringComparison.Ordinal);
            }
        }
        return redacted is null ? text : redacted.Append(text, copied, text.Length - copied).ToString();
    }

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); only the character right before "://" matters
    // for whether a URL starts here, so one character is enough.
    private static bool HasScheme(string text, int separator) => separator > 0 && IsSchemeChar(text[separator - 1]);

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.';

    /// <summary>
    /// The index of the '@' that ends the userinfo, or null when the URL has none. The authority normally ends at the
    /// first '/', '?' or '#'; a password holding an unencoded '@' is removed whole (the last '@' counts), and one
    /// holding an unencoded '/' still is, up to the next '@', when what precedes the '/' reads as <c>user:password</c> (not
    /// <c>host:port</c>).
    /// </summary>
    private static int? UserinfoEnd(string text, int start)
    {
        int? lastAt = null;
        var end = start;
        for (; end < text.Length && !EndsToken(text[end]) && text[end] is not ('/' or '?' or '#'); end++)
        {
            if (text[end] == '@') lastAt = end;
        }
        if (lastAt is not null) return lastAt;
        var colon = text.IndexOf(':', start, end - start);
        if (colon < 0 || IsPort(text, colon + 1, end)) return null;
        for (var i = end; i < text.Length && !EndsToken(text[i]); i++)
        {
            if (text[i] == '@') return i;
        }
        return null;
    }

    private static bool IsPort(string text, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
        }
        return true;
    }

    // Where a URL embedded in a line, a JSON or TOML string or a markdown link stops.
    private static bool EndsToken(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '`' or '\\';

    private static bool IsConventionalUser(string text, int start, int at) =>
        at == start || ConventionalUsers.Contains(text[start..at]);
}
