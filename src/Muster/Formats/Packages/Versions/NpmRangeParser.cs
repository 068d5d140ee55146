using System.Text.RegularExpressions;

namespace Muster.Formats.Packages.Versions;

/// <summary>
/// Parses npm range syntax into intervals: <c>||</c> unions, hyphen ranges, comparators (<c>&lt; &lt;= &gt; &gt;= =</c>),
/// tilde, caret and x-ranges (<c>1.x</c>, <c>1.2.*</c>, <c>*</c>, empty), desugared the way node-semver does.
/// </summary>
internal static partial class NpmRangeParser
{
    [GeneratedRegex(@"^(?<op><=|>=|<|>|=|~>|~|\^)?\s*v?(?<maj>[0-9]+|[xX*])(?:\.(?<min>[0-9]+|[xX*]))?(?:\.(?<pat>[0-9]+|[xX*]))?(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Comparator();

    [GeneratedRegex(@"(<=|>=|<|>|=|~>|~|\^)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"\s+-\s+")]
    private static partial Regex Hyphen();

    private sealed record Partial(string? Major, string? Minor, string? Patch, string? Pre)
    {
        public bool IsAny => Major is null;
        public string Core => $"{Major ?? "0"}.{Minor ?? "0"}.{Patch ?? "0"}";
        public string Full => Core + (Pre is null ? "" : "-" + Pre);
    }

    public static bool TryParse(string text, out VersionRange range, out string error)
    {
        range = null!;
        error = "";
        var intervals = new List<VersionInterval>();
        foreach (var alternative in text.Split("||"))
        {
            var set = alternative.Trim();
            VersionInterval? interval;
            var hyphen = Hyphen().Split(set);
            if (hyphen.Length == 2)
            {
                interval = HyphenRange(hyphen[0], hyphen[1], out error);
            }
            else
            {
                interval = VersionInterval.All;
                var comparators = OperatorSpace().Replace(set, "$1").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var comparator in comparators)
                {
                    var next = ComparatorInterval(comparator, out error);
                    if (next is null)
                    {
                        interval = null;
                        break;
                    }
                    interval = interval.Intersect(next, NpmVersionScheme.Instance);
                }
            }
            if (interval is null)
            {
                error = $"'{text}' is not an npm version range: {error}";
                return false;
            }
            intervals.Add(interval);
        }
        range = new VersionRange(text, intervals);
        return true;
    }

    private static Partial? ParsePartial(string text, out string op, out string error)
    {
        op = "";
        error = "";
        var m = Comparator().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text}' is not a comparator";
            return null;
        }
        op = m.Groups["op"].Value;
        static string? Num(Group g) => g.Success && g.Value is not ("x" or "X" or "*") ? NumericText.Normalize(g.Value) : null;
        var major = Num(m.Groups["maj"]);
        var minor = major is null ? null : Num(m.Groups["min"]);
        var patch = minor is null ? null : Num(m.Groups["pat"]);
        var pre = patch is not null && m.Groups["pre"].Success ? m.Groups["pre"].Value : null;
        return new Partial(major, minor, patch, pre);
    }

    private static VersionBound Incl(string v) => new(v, true);
    private static VersionBound Excl(string v) => new(v, false);

    private static VersionInterval WithPre(VersionInterval interval, Partial p) =>
        p.Pre is null ? interval : interval with { PrereleaseCores = [p.Core] };

    // The first version past a partial: 1 -> 2.0.0-0, 1.2 -> 1.3.0-0.
    private static string NextAfter(Partial p) =>
        p.Minor is null ? $"{Inc(p.Major!)}.0.0-0" : $"{p.Major}.{Inc(p.Minor)}.0-0";

    private static string Inc(string n) => (System.Numerics.BigInteger.Parse(n) + 1).ToString();

    private static VersionInterval? ComparatorInterval(string text, out string error)
    {
        var p = ParsePartial(text, out var op, out error);
        if (p is null) return null;
        if (p.IsAny) return op is "<" or ">" ? new VersionInterval(null, Excl("0.0.0-0")) : VersionInterval.All;
        var complete = p.Patch is not null;
        switch (op)
        {
            case "" or "=":
                return complete ? WithPre(VersionInterval.Exactly(p.Full), p) : new VersionInterval(Incl(p.Core), Excl(NextAfter(p)));
            case ">=":
                return WithPre(new VersionInterval(Incl(p.Full), null), p);
            case ">":
                return complete ? WithPre(new VersionInterval(Excl(p.Full), null), p) : new VersionInterval(Incl(NextAfter(p)[..^2]), null);
            case "<":
                return WithPre(new VersionInterval(null, Excl(complete ? p.Full : p.Core + "-0")), p);
            case "<=":
                return complete ? WithPre(new VersionInterval(null, Incl(p.Full)), p) : new VersionInterval(null, Excl(NextAfter(p)));
            case "~" or "~>":
                {
                    var upper = p.Minor is null ? $"{Inc(p.Major!)}.0.0-0" : $"{p.Major}.{Inc(p.Minor)}.0-0";
                    return WithPre(new VersionInterval(Incl(p.Full), Excl(upper)), p);
                }
            default:
                {
                    string upper;
                    if (p.Major != "0" || p.Minor is null) upper = $"{Inc(p.Major!)}.0.0-0";
                    else if (p.Minor != "0" || p.Patch is null) upper = $"0.{Inc(p.Minor)}.0-0";
                    else upper = $"0.0.{Inc(p.Patch)}-0";
                    return WithPre(new VersionInterval(Incl(p.Full), Excl(upper)), p);
                }
        }
    }

    private static VersionInterval? HyphenRange(string from, string to, out string error)
    {
        var lo = ParsePartial(from, out var op1, out error);
        var hi = lo is null ? null : ParsePartial(to, out var op2, out error);
        if (lo is null || hi is null) return null;
        var lower = lo.IsAny ? null : Incl(lo.Full);
        var upper = hi.IsAny ? null : hi.Patch is not null ? Incl(hi.Full) : Excl(NextAfter(hi));
        var interval = new VersionInterval(lower, upper);
        var cores = new[] { lo, hi }.Where(p => p.Pre is not null).Select(p => p.Core).ToArray();
        return interval with { PrereleaseCores = cores };
    }
}
