using System.Text.RegularExpressions;

namespace Muster.Formats.Packages.Versions;

/// <summary>
/// A Python package version ordered as PEP 440 says: epoch, release (trailing zeros ignored), pre, post, dev and local
/// segments, with the spec's normalisations (alpha→a, beta→b, c/pre/preview→rc, rev/r→post, implicit numbers).
/// Strings that are not PEP 440 are kept as "legacy" versions, which sort before every PEP 440 version and among
/// themselves by the setuptools-era key, because old releases on PyPI still carry such versions.
/// </summary>
internal sealed partial class Pep440Version : IComparable<Pep440Version>
{
    [GeneratedRegex(
        @"^\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
        @"(?<pre>[-_.]?(?<pre_l>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<pre_n>[0-9]+)?)?" +
        @"(?<post>-(?<post_n1>[0-9]+)|[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?)?" +
        @"(?<dev>[-_.]?dev[-_.]?(?<dev_n>[0-9]+)?)?" +
        @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();

    private readonly string _epoch = "0";
    private readonly string[] _release = [];
    private readonly string? _preLabel;
    private readonly string _preNumber = "0";
    private readonly string? _post;
    private readonly string? _dev;
    private readonly string[]? _local;
    private readonly string[]? _legacyKey;

    private Pep440Version(string original, string[] legacyKey)
    {
        Original = original;
        _legacyKey = legacyKey;
    }

    private Pep440Version(string original, Match m)
    {
        Original = original;
        if (m.Groups["epoch"].Success) _epoch = NumericText.Normalize(m.Groups["epoch"].Value);
        var release = m.Groups["release"].Value.Split('.').Select(NumericText.Normalize).ToList();
        while (release.Count > 1 && release[^1] == "0") release.RemoveAt(release.Count - 1);
        _release = [.. release];
        if (m.Groups["pre"].Success)
        {
            _preLabel = m.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "alpha" or "a" => "a",
                "beta" or "b" => "b",
                _ => "rc",
            };
            _preNumber = m.Groups["pre_n"].Success ? NumericText.Normalize(m.Groups["pre_n"].Value) : "0";
        }
        if (m.Groups["post"].Success)
        {
            _post = m.Groups["post_n1"].Success ? m.Groups["post_n1"].Value
                : m.Groups["post_n2"].Success ? m.Groups["post_n2"].Value : "0";
            _post = NumericText.Normalize(_post);
        }
        if (m.Groups["dev"].Success) _dev = m.Groups["dev_n"].Success ? NumericText.Normalize(m.Groups["dev_n"].Value) : "0";
        if (m.Groups["local"].Success) _local = m.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.');
    }

    public string Original { get; }
    public bool IsLegacy => _legacyKey is not null;
    public bool IsPrerelease => !IsLegacy && (_preLabel is not null || _dev is not null);
    public bool HasLocal => _local is not null;

    /// <summary>Release segment as written after normalisation (trailing zeros removed), for prefix matching.</summary>
    public IReadOnlyList<string> Release => _release;

    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>Parses any string; non-PEP 440 text becomes a legacy version rather than an error.</summary>
    public static Pep440Version Parse(string text)
    {
        var m = Pattern().Match(text);
        return m.Success ? new Pep440Version(text, m) : new Pep440Version(text, LegacyVersionKey.Compute(text));
    }

    /// <summary>The version without its local segment (what <c>==</c> and <c>&lt;=</c> compare against public versions).</summary>
    public Pep440Version WithoutLocal() =>
        _local is null || IsLegacy ? this : Parse(Original[..Original.IndexOf('+')]);

    public int CompareTo(Pep440Version? other)
    {
        if (other is null) return 1;
        if (IsLegacy || other.IsLegacy)
        {
            if (!other.IsLegacy) return -1;
            if (!IsLegacy) return 1;
            return CompareStrings(_legacyKey!, other._legacyKey!);
        }
        var c = NumericText.Compare(_epoch, other._epoch);
        if (c != 0) return c;
        c = CompareRelease(_release, other._release);
        if (c != 0) return c;
        c = PreKey().CompareTo(other.PreKey());
        if (c == 0 && _preLabel is not null) c = NumericText.Compare(_preNumber, other._preNumber);
        if (c != 0) return c;
        c = CompareOptional(_post, other._post, missingIsLowest: true);
        if (c != 0) return c;
        c = CompareOptional(_dev, other._dev, missingIsLowest: false);
        return c != 0 ? c : CompareLocal(_local, other._local);
    }

    // A dev release of a final version sorts before its pre-releases; a final version after them.
    private int PreKey() => _preLabel switch
    {
        null when _post is null && _dev is not null => -1,
        null => 4,
        "a" => 1,
        "b" => 2,
        _ => 3,
    };

    private static int CompareRelease(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var c = NumericText.Compare(i < a.Length ? a[i] : "0", i < b.Length ? b[i] : "0");
            if (c != 0) return c;
        }
        return 0;
    }

    private static int CompareOptional(string? a, string? b, bool missingIsLowest)
    {
        if (a is null && b is null) return 0;
        if (a is null) return missingIsLowest ? -1 : 1;
        if (b is null) return missingIsLowest ? 1 : -1;
        return NumericText.Compare(a, b);
    }

    // Local segments: absent sorts lowest; numeric parts sort above alphanumeric ones.
    private static int CompareLocal(string[]? a, string[]? b)
    {
        if (a is null || b is null) return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNum = NumericText.IsDigits(a[i]);
            var bNum = NumericText.IsDigits(b[i]);
            var c = (aNum, bNum) switch
            {
                (true, true) => NumericText.Compare(a[i], b[i]),
                (true, false) => 1,
                (false, true) => -1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (c != 0) return Math.Sign(c);
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int CompareStrings(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return Math.Sign(c);
        }
        return a.Length.CompareTo(b.Length);
    }

    public override string ToString() => Original;
}
