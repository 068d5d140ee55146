using System.Text.RegularExpressions;

namespace Muster.Formats.Packages.Versions;

/// <summary>
/// Turns a PEP 440 specifier set (<c>&gt;=1.2,&lt;2,!=1.5.*</c>, <c>~=1.4.5</c>, <c>==1.2.*</c>, <c>===x</c>) into
/// intervals. Poetry constraints are accepted too: <c>^1.2</c>, <c>~1.2</c>, a bare version (exact) and <c>*</c>;
/// Poetry's <c>||</c> unions become several intervals.
/// </summary>
internal static partial class Pep440SpecifierParser
{
    [GeneratedRegex(@"^(?<op>===|==|!=|~=|<=|>=|<|>|\^|~|=)?\s*(?<ver>[^\s,;]+)$")]
    private static partial Regex Clause();

    public static bool TryParse(string text, out VersionRange range, out string error)
    {
        range = null!;
        error = "";
        var scheme = Pep440VersionScheme.Instance;
        var intervals = new List<VersionInterval>();
        var exclusions = new List<VersionInterval>();
        foreach (var alternative in text.Split("||"))
        {
            var interval = VersionInterval.All;
            var clauses = alternative.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var clause in clauses.SelectMany(SplitPoetrySpaces))
            {
                var m = Clause().Match(clause);
                if (!m.Success)
                {
                    error = $"'{clause}' is not a version specifier";
                    return false;
                }
                var op = m.Groups["op"].Value;
                var ver = m.Groups["ver"].Value;
                if (ver == "*" && op is "" or "==")
                {
                    continue;
                }
                var isPrefix = ver.EndsWith(".*", StringComparison.Ordinal);
                var core = isPrefix ? ver[..^2] : ver;
                if (!Pep440Version.IsValid(core) && op != "===")
                {
                    error = $"'{ver}' is not a PEP 440 version";
                    return false;
                }
                if (op == "!=")
                {
                    exclusions.Add(isPrefix ? PrefixInterval(core) : VersionInterval.Exactly(core));
                    continue;
                }
                var next = op switch
                {
                    "" or "==" or "=" or "===" => isPrefix ? PrefixInterval(core) : VersionInterval.Exactly(core),
                    ">=" => new VersionInterval(new VersionBound(core, true), null),
                    ">" => new VersionInterval(new VersionBound(core, false), null),
                    "<=" => new VersionInterval(null, new VersionBound(core, true)),
                    "<" => new VersionInterval(null, new VersionBound(ExclusiveUpper(core), false)),
                    "~=" => Compatible(core, out error),
                    "^" => Caret(core),
                    _ => Tilde(core),
                };
                if (next is null) return false;
                interval = interval.Intersect(next, scheme);
            }
            intervals.Add(interval);
        }
        range = new VersionRange(text, intervals) { Exclusions = exclusions };
        return true;
    }

    // Poetry allows ">=1.2 <2.0"; PEP 508 never puts spaces between clauses, so splitting on them is safe.
    private static string[] SplitPoetrySpaces(string clause) =>
        OperatorSpace().Replace(clause, "$1").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"(===|==|!=|~=|<=|>=|<|>|\^|~)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"^\s*v?(?:[0-9]+!)?(?<rel>[0-9]+(?:\.[0-9]+)*)")]
    private static partial Regex ReleasePart();

    private static IReadOnlyList<string> ExpandRelease(string version)
    {
        var m = ReleasePart().Match(version);
        return m.Groups["rel"].Value.Split('.');
    }

    private static string Epoch(string version)
    {
        var bang = version.IndexOf('!');
        return bang > 0 ? version[..(bang + 1)] : "";
    }

    private static string Bump(IReadOnlyList<string> release, int keep)
    {
        var parts = release.Take(keep).ToArray();
        parts[^1] = (System.Numerics.BigInteger.Parse(parts[^1]) + 1).ToString();
        return string.Join('.', parts);
    }

    // ==1.2.* : every release starting 1.2, including its pre-, post- and dev-releases.
    private static VersionInterval PrefixInterval(string prefix)
    {
        var release = ExpandRelease(prefix);
        var e = Epoch(prefix);
        return new VersionInterval(new VersionBound(e + string.Join('.', release) + ".dev0", true),
            new VersionBound(e + Bump(release, release.Count) + ".dev0", false));
    }

    // "<2" must not admit 2.0rc1: a plain release's pre- and dev-releases lie below it, so cut at its first dev release.
    private static string ExclusiveUpper(string version)
    {
        var v = Pep440Version.Parse(version);
        return v.IsPrerelease || v.HasLocal || !PlainRelease().IsMatch(version) ? version : version + ".dev0";
    }

    [GeneratedRegex(@"^\s*v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*\s*$")]
    private static partial Regex PlainRelease();

    private static VersionInterval? Compatible(string version, out string error)
    {
        error = "";
        var release = ExpandRelease(version);
        if (release.Count < 2)
        {
            error = $"'~={version}' needs at least two release components";
            return null;
        }
        return new VersionInterval(new VersionBound(version, true),
            new VersionBound(Epoch(version) + Bump(release, release.Count - 1) + ".dev0", false));
    }

    private static VersionInterval Caret(string version)
    {
        var release = ExpandRelease(version);
        var keep = 1;
        while (keep < release.Count && NumericText.Normalize(release[keep - 1]) == "0") keep++;
        return new VersionInterval(new VersionBound(version, true), new VersionBound(Epoch(version) + Bump(release, keep) + ".dev0", false));
    }

    private static VersionInterval Tilde(string version)
    {
        var release = ExpandRelease(version);
        var keep = release.Count >= 2 ? 2 : 1;
        return new VersionInterval(new VersionBound(version, true), new VersionBound(Epoch(version) + Bump(release, keep) + ".dev0", false));
    }
}
