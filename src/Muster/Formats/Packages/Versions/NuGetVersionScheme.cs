using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Versions;

/// <summary>
/// NuGet versions and version ranges: a bare version is a minimum (<c>1.2</c> = <c>[1.2, )</c>), brackets give
/// interval notation, <c>1.2.*</c> floats within a prefix, <c>*</c> is anything.
/// </summary>
internal sealed class NuGetVersionScheme : IVersionScheme
{
    public static readonly NuGetVersionScheme Instance = new();

    public Ecosystem Ecosystem => Ecosystem.NuGet;

    public bool IsValid(string version) => NuGetVersion.TryParse(version, out _);

    public int Compare(string a, string b) => NuGetVersion.Parse(a).CompareTo(NuGetVersion.Parse(b));

    public bool Satisfies(VersionRange range, string version) =>
        IsValid(version) && range.Intervals.Any(i => i.Contains(version, this));

    public bool TryParseRange(string text, out VersionRange range, out string error)
    {
        range = null!;
        error = "";
        var s = text.Trim();
        if (s is "*" or "")
        {
            range = new VersionRange(text, [VersionInterval.All]);
            return true;
        }
        if (s.EndsWith(".*", StringComparison.Ordinal) || s.EndsWith("-*", StringComparison.Ordinal))
        {
            var prefix = s[..^2].TrimEnd('.');
            if (!NuGetVersion.TryParse(prefix, out _))
            {
                error = $"'{text}' is not a NuGet floating version";
                return false;
            }
            var parts = prefix.Split('.');
            parts[^1] = (System.Numerics.BigInteger.Parse(parts[^1]) + 1).ToString();
            var upper = s.EndsWith("-*", StringComparison.Ordinal) ? null : new VersionBound(string.Join('.', parts) + "-0", false);
            range = new VersionRange(text, [new VersionInterval(new VersionBound(prefix + (upper is null ? "-0" : ""), true), upper)]);
            return true;
        }
        if (s[0] is '[' or '(')
        {
            var close = s[^1];
            var inner = s[1..^1];
            var comma = inner.IndexOf(',');
            if (close is not (']' or ')'))
            {
                error = $"'{text}' has no closing bracket";
                return false;
            }
            if (comma < 0)
            {
                if (s[0] != '[' || close != ']' || !IsValid(inner))
                {
                    error = $"'{text}' is not a NuGet exact version";
                    return false;
                }
                range = new VersionRange(text, [VersionInterval.Exactly(inner.Trim())]);
                return true;
            }
            var lo = inner[..comma].Trim();
            var hi = inner[(comma + 1)..].Trim();
            if ((lo.Length > 0 && !IsValid(lo)) || (hi.Length > 0 && !IsValid(hi)))
            {
                error = $"'{text}' has a bound that is not a NuGet version";
                return false;
            }
            range = new VersionRange(text, [new VersionInterval(
                lo.Length == 0 ? null : new VersionBound(lo, s[0] == '['),
                hi.Length == 0 ? null : new VersionBound(hi, close == ']'))]);
            return true;
        }
        if (!IsValid(s))
        {
            error = $"'{text}' is not a NuGet version";
            return false;
        }
        range = new VersionRange(text, [new VersionInterval(new VersionBound(s, true), null)]);
        return true;
    }
}
