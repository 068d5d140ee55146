using Muster.Formats.Packages.Versions;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// The OSV schema's evaluation: a version is affected by an <c>affected[]</c> entry when it is in its
/// <c>versions</c> list, or when, walking a SEMVER/ECOSYSTEM range's events in version order, the last applicable
/// event is an <c>introduced</c> (a later <c>fixed</c>, a passed <c>last_affected</c>, or a reached <c>limit</c>
/// ends it). The same events also become intervals so that a range requirement can be compared with them.
/// </summary>
internal static class OsvMatcher
{
    public static bool IsAffected(OsvAffected affected, string version, IVersionScheme scheme)
    {
        if (affected.Versions.Any(v => SameVersion(v, version, scheme))) return true;
        foreach (var range in affected.Ranges)
        {
            if (range.Type is not ("SEMVER" or "ECOSYSTEM")) continue;
            if (InRange(range, version, scheme)) return true;
        }
        return false;
    }

    private static bool InRange(OsvRange range, string version, IVersionScheme scheme)
    {
        var limits = range.Events.Where(e => e.Kind == "limit").ToList();
        if (limits.Count > 0 && limits.All(l => l.Version != "*" && scheme.Compare(version, l.Version) >= 0)) return false;
        var affected = false;
        foreach (var e in Sorted(range, scheme))
        {
            switch (e.Kind)
            {
                case "introduced" when e.Version == "0" || scheme.Compare(version, e.Version) >= 0:
                    affected = true;
                    break;
                case "fixed" when scheme.Compare(version, e.Version) >= 0:
                    affected = false;
                    break;
                case "last_affected" when scheme.Compare(version, e.Version) > 0:
                    affected = false;
                    break;
            }
        }
        return affected;
    }

    /// <summary>The affected versions of an entry as intervals (ranges) and single points (the versions list).</summary>
    public static List<VersionInterval> Intervals(OsvAffected affected, IVersionScheme scheme)
    {
        var intervals = affected.Versions.Where(scheme.IsValid).Select(VersionInterval.Exactly).ToList();
        foreach (var range in affected.Ranges)
        {
            if (range.Type is not ("SEMVER" or "ECOSYSTEM")) continue;
            VersionBound? open = null;
            var isOpen = false;
            foreach (var e in Sorted(range, scheme))
            {
                if (e.Kind == "introduced" && !isOpen)
                {
                    open = e.Version == "0" ? null : new VersionBound(e.Version, true);
                    isOpen = true;
                }
                else if (e.Kind is "fixed" or "last_affected" && isOpen)
                {
                    intervals.Add(new VersionInterval(open, new VersionBound(e.Version, e.Kind == "last_affected")));
                    isOpen = false;
                }
            }
            if (isOpen) intervals.Add(new VersionInterval(open, null));
            foreach (var limit in range.Events.Where(e => e.Kind == "limit" && e.Version != "*"))
            {
                var cap = new VersionInterval(null, new VersionBound(limit.Version, false));
                for (var i = 0; i < intervals.Count; i++) intervals[i] = intervals[i].Intersect(cap, scheme);
            }
        }
        return intervals;
    }

    // Events sorted by version; "0" (introduced at the beginning of time) first; invalid versions dropped.
    private static IEnumerable<OsvEvent> Sorted(OsvRange range, IVersionScheme scheme) =>
        range.Events
            .Where(e => e.Kind != "limit" && (e.Version == "0" || scheme.IsValid(e.Version)))
            .Select((e, index) => (e, index))
            .OrderBy(t => t.e, Comparer<OsvEvent>.Create((a, b) =>
                a.Version == "0" ? (b.Version == "0" ? 0 : -1) : b.Version == "0" ? 1 : scheme.Compare(a.Version, b.Version)))
            .ThenBy(t => t.index)
            .Select(t => t.e);

    private static bool SameVersion(string a, string b, IVersionScheme scheme) =>
        a == b || (scheme.IsValid(a) && scheme.IsValid(b) && scheme.Compare(a, b) == 0);
}
