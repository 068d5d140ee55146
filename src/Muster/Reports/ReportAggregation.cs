using System.Globalization;
using Muster.Gaps;
using Muster.Model;

namespace Muster.Reports;

/// <summary>
/// Keeps reports readable when one rule floods: beyond <see cref="ReportOptions.AggregateThreshold"/> findings of one
/// rule and severity from one agent (or gaps of one rule and severity), the rest are listed as one aggregated entry,
/// "N more of RULE", that keeps their count and their first locations. Keyed by severity too, so every severity
/// heading and SARIF level stays exact. Only what is listed changes: totals, gates and the gap register count every
/// finding (docs/report-json.md).
/// </summary>
internal static class ReportAggregation
{
    public const string CountProperty = "aggregated-count";
    public const string RuleProperty = "aggregated-rule";

    /// <summary>Locations named in an aggregated entry's message; report.json and SARIF carry up to the threshold.</summary>
    private const int LocationsInMessage = 10;

    /// <summary>What one aggregated entry stands for: how many findings (or gaps) and where the first of them are.</summary>
    public sealed record Aggregate(string RuleId, int Count, IReadOnlyList<SourceLocation> Locations);

    public static (IReadOnlyList<Finding> Shown, IReadOnlyDictionary<Finding, Aggregate> Aggregates) Findings(IReadOnlyList<Finding> all, int threshold)
    {
        var aggregates = new Dictionary<Finding, Aggregate>(ReferenceEqualityComparer.Instance);
        if (threshold <= 0 || all.Count <= threshold) return (all, aggregates);
        var overflow = all.GroupBy(f => (f.AgentId, f.RuleId, f.Severity)).Where(g => g.Count() > threshold)
            .ToDictionary(g => g.Key, g => g.Skip(threshold).ToList());
        if (overflow.Count == 0) return (all, aggregates);

        var seen = new Dictionary<(string, string, Severity), int>();
        var shown = new List<Finding>();
        foreach (var finding in all)
        {
            var key = (finding.AgentId, finding.RuleId, finding.Severity);
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (n <= threshold) shown.Add(finding);
            else if (n == threshold + 1)
            {
                var rest = overflow[key];
                var summary = AggregateOf(finding.RuleId, rest.Select(f => f.Location), rest.Count, threshold);
                var entry = AggregatedFinding(finding, rest, summary);
                aggregates[entry] = summary;
                shown.Add(entry);
            }
        }
        return (shown, aggregates);
    }

    public static (IReadOnlyList<Gap> Shown, IReadOnlyDictionary<Gap, (Aggregate Aggregate, IReadOnlyList<Gap> Members)> Aggregates) Gaps(
        IReadOnlyList<Gap> all, int threshold)
    {
        var aggregates = new Dictionary<Gap, (Aggregate, IReadOnlyList<Gap>)>(ReferenceEqualityComparer.Instance);
        if (threshold <= 0 || all.Count <= threshold) return (all, aggregates);
        // Only gaps of one rule aggregate; a gap grouping several rules is one fix of its own and always listed.
        var overflow = all.Where(g => g.RuleIds.Count == 1).GroupBy(g => (g.RuleIds[0], g.Severity)).Where(g => g.Count() > threshold)
            .ToDictionary(g => g.Key, g => g.Skip(threshold).ToList());
        if (overflow.Count == 0) return (all, aggregates);

        var seen = new Dictionary<(string, Severity), int>();
        var shown = new List<Gap>();
        foreach (var gap in all)
        {
            if (gap.RuleIds.Count != 1 || !overflow.TryGetValue((gap.RuleIds[0], gap.Severity), out var rest)) { shown.Add(gap); continue; }
            var key = (gap.RuleIds[0], gap.Severity);
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (n <= threshold) shown.Add(gap);
            else if (n == threshold + 1)
            {
                var summary = AggregateOf(gap.RuleIds[0], rest.SelectMany(g => g.Locations.Take(1)), rest.Count, threshold);
                var entry = AggregatedGap(gap, rest, summary);
                aggregates[entry] = (summary, rest);
                shown.Add(entry);
            }
        }
        return (shown, aggregates);
    }

    private static Aggregate AggregateOf(string ruleId, IEnumerable<SourceLocation?> locations, int count, int keep) =>
        new(ruleId, count, locations.OfType<SourceLocation>().Take(keep).ToList());

    private static Finding AggregatedFinding(Finding first, IReadOnlyList<Finding> rest, Aggregate aggregate) => new Finding
    {
        RuleId = first.RuleId,
        Title = string.Create(CultureInfo.InvariantCulture, $"{aggregate.Count:N0} more of {first.RuleId}"),
        Severity = first.Severity,
        Category = first.Category,
        Message = string.Create(CultureInfo.InvariantCulture,
            $"{aggregate.Count:N0} more findings of {first.RuleId} from agent {first.AgentId}, not listed one by one; every one counts in the totals, gates and gaps. ") +
            LocationsText(aggregate),
        Location = first.Location,
        Remediation = first.Remediation,
        AgentId = first.AgentId,
        Fingerprint = Fingerprints.Compute("aggregate", first.AgentId, first.RuleId, first.Severity.ToLabel()),
        Properties = new Dictionary<string, string>
        {
            [CountProperty] = aggregate.Count.ToString(CultureInfo.InvariantCulture),
            [RuleProperty] = first.RuleId,
        },
    };

    private static Gap AggregatedGap(Gap first, IReadOnlyList<Gap> rest, Aggregate aggregate) => new()
    {
        Id = "GAP-" + Fingerprints.Compute("aggregate", first.RuleIds[0], first.Severity.ToLabel())[..8],
        Key = "aggregate:" + first.RuleIds[0] + ":" + first.Severity.ToLabel(),
        Title = string.Create(CultureInfo.InvariantCulture, $"{aggregate.Count:N0} more gaps of {first.RuleIds[0]}"),
        Action = first.Action,
        Severity = first.Severity,
        Category = first.Category,
        Owner = first.Owner,
        OwnerSource = first.OwnerSource,
        Effort = first.Effort + " each",
        Impact = first.Impact,
        Locations = aggregate.Locations,
        RuleIds = first.RuleIds,
        Fingerprints = rest.SelectMany(g => g.Fingerprints).Take(aggregate.Locations.Count).ToList(),
    };

    private static string LocationsText(Aggregate aggregate)
    {
        if (aggregate.Locations.Count == 0) return "";
        var named = aggregate.Locations.Take(LocationsInMessage).Select(l => l.ToString());
        return string.Create(CultureInfo.InvariantCulture,
            $"First locations: {string.Join(", ", named)}{(aggregate.Count > LocationsInMessage ? ", …" : "")}.");
    }
}
