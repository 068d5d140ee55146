namespace Muster.Formats.Packages.Versions;

/// <summary>
/// A NuGet version: up to four numeric parts (missing parts are 0, leading zeros ignored), an optional prerelease
/// compared case-insensitively with SemVer 2.0 rules, and build metadata that never takes part in ordering.
/// </summary>
internal sealed class NuGetVersion : IComparable<NuGetVersion>
{
    private readonly string[] _parts;
    private readonly string[] _prerelease;

    private NuGetVersion(string[] parts, string[] prerelease)
    {
        _parts = parts;
        _prerelease = prerelease;
    }

    public bool IsPrerelease => _prerelease.Length > 0;

    public static bool TryParse(string? text, out NuGetVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var plus = s.IndexOf('+');
        if (plus >= 0) s = s[..plus];
        string[] prerelease = [];
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            prerelease = s[(dash + 1)..].Split('.');
            s = s[..dash];
            if (prerelease.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))) return false;
        }
        var parts = s.Split('.');
        if (parts.Length is < 1 or > 4 || parts.Any(p => !NumericText.IsDigits(p))) return false;
        var normalized = new string[4];
        for (var i = 0; i < 4; i++) normalized[i] = i < parts.Length ? NumericText.Normalize(parts[i]) : "0";
        version = new NuGetVersion(normalized, prerelease);
        return true;
    }

    public static NuGetVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"Not a NuGet version: '{text}'.");

    public int CompareTo(NuGetVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 4; i++)
        {
            var c = NumericText.Compare(_parts[i], other._parts[i]);
            if (c != 0) return c;
        }
        var a = _prerelease;
        var b = other._prerelease;
        if (a.Length == 0 || b.Length == 0) return b.Length.CompareTo(a.Length);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNum = NumericText.IsDigits(a[i]);
            var bNum = NumericText.IsDigits(b[i]);
            var c = (aNum, bNum) switch
            {
                (true, true) => NumericText.Compare(a[i], b[i]),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.Compare(a[i], b[i], StringComparison.OrdinalIgnoreCase),
            };
            if (c != 0) return Math.Sign(c);
        }
        return a.Length.CompareTo(b.Length);
    }

    public override string ToString() =>
        string.Join('.', _parts) + (IsPrerelease ? "-" + string.Join('.', _prerelease) : "");
}
