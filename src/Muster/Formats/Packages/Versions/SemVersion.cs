namespace Muster.Formats.Packages.Versions;

/// <summary>
/// An npm (node-semver) version. Parsing is loose the way npm reads lockfiles: a leading <c>v</c> or <c>=</c> is
/// allowed, missing minor/patch read as 0, and anything after the third component is build text. Build metadata never
/// takes part in ordering; prerelease identifiers follow SemVer 2.0 precedence (numeric below alphanumeric, ASCII order).
/// </summary>
internal sealed class SemVersion : IComparable<SemVersion>
{
    private SemVersion(string major, string minor, string patch, string[] prerelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    public string Major { get; }
    public string Minor { get; }
    public string Patch { get; }
    public IReadOnlyList<string> Prerelease { get; }
    public string Build { get; }
    public bool IsPrerelease => Prerelease.Count > 0;

    public static SemVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"Not an npm version: '{text}'.");

    public static bool TryParse(string? text, out SemVersion version)
    {
        version = null!;
        if (text is null) return false;
        var s = text.Trim();
        if (s.StartsWith('=')) s = s[1..].TrimStart();
        if (s.StartsWith('v') || s.StartsWith('V')) s = s[1..];
        var build = "";
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            build = s[(plus + 1)..];
            s = s[..plus];
        }
        string[] prerelease = [];
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            var pre = s[(dash + 1)..];
            s = s[..dash];
            if (pre.Length == 0) return false;
            prerelease = pre.Split('.');
            if (prerelease.Any(p => p.Length == 0 || !p.All(IsIdentifierChar))) return false;
        }
        var parts = s.Split('.');
        if (parts.Length == 0 || parts.Any(p => !NumericText.IsDigits(p))) return false;
        if (parts.Length > 3) build = string.Join('.', parts[3..]) + (build.Length > 0 ? "+" + build : "");
        version = new SemVersion(
            NumericText.Normalize(parts[0]),
            parts.Length > 1 ? NumericText.Normalize(parts[1]) : "0",
            parts.Length > 2 ? NumericText.Normalize(parts[2]) : "0",
            prerelease,
            build);
        return true;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    public bool SameCore(SemVersion other) => Major == other.Major && Minor == other.Minor && Patch == other.Patch;

    public int CompareTo(SemVersion? other)
    {
        if (other is null) return 1;
        var c = NumericText.Compare(Major, other.Major);
        if (c == 0) c = NumericText.Compare(Minor, other.Minor);
        if (c == 0) c = NumericText.Compare(Patch, other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    private static int ComparePrerelease(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return b.Count.CompareTo(a.Count);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var aNum = NumericText.IsDigits(a[i]);
            var bNum = NumericText.IsDigits(b[i]);
            var c = (aNum, bNum) switch
            {
                (true, true) => NumericText.Compare(a[i], b[i]),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (c != 0) return Math.Sign(c);
        }
        return a.Count.CompareTo(b.Count);
    }

    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}" + (IsPrerelease ? "-" + string.Join('.', Prerelease) : "");
}
