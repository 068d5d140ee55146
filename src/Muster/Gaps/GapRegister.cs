using Muster.Engine;
using Muster.Model;

namespace Muster.Gaps;

/// <summary>
/// Findings turned into gaps: deduplicated by fingerprint and grouped where one fix closes several — by the
/// <c>gap-group</c> property when the agent set one, else by fingerprint. INFO findings are observations, not gaps.
/// </summary>
public sealed class GapRegister
{
    public const string GroupProperty = "gap-group";
    public const string EffortProperty = "effort";
    public const string ImpactProperty = "impact";
    public const string ActionProperty = "action";

    private GapRegister(IReadOnlyList<Gap> gaps) => Gaps = gaps;

    /// <summary>Worst first, then by first location, then id.</summary>
    public IReadOnlyList<Gap> Gaps { get; }

    public static GapRegister Empty { get; } = new([]);

    /// <summary>Every severity, worst first, with its gap count (zero included, INFO left out).</summary>
    public IReadOnlyList<KeyValuePair<Severity, int>> BySeverity =>
        SeverityText.WorstFirst.Where(s => s > Severity.Info)
            .Select(s => KeyValuePair.Create(s, Gaps.Count(g => g.Severity == s)))
            .ToList();

    public IReadOnlyList<Gap> ActionItems(ActionPriority priority) => Gaps.Where(g => g.Priority == priority).ToList();

    public static GapRegister Build(RunOutcome outcome) => Build(outcome.Findings, OwnerResolver.Defaults);

    internal static GapRegister Build(IEnumerable<Finding> findings, OwnerResolver owners)
    {
        var distinct = findings.Where(f => f.Severity > Severity.Info).DistinctBy(FingerprintOf).ToList();
        var secretLines = SecretGapsByLine(distinct);
        var gaps = distinct
            .GroupBy(f => KeyOf(f, secretLines), StringComparer.Ordinal)
            .Select(group => ToGap(group.Key, group.ToList(), owners))
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.Locations.Count > 0 ? g.Locations[0].Path : "\uffff", StringComparer.Ordinal)
            .ThenBy(g => g.Locations.Count > 0 ? g.Locations[0].Line : 0)
            .ThenBy(g => g.Id, StringComparer.Ordinal)
            .ToList();
        return new GapRegister(gaps);
    }

    /// <summary>The finding's fingerprint, or the one reports compute from rule, location and message when it has none.</summary>
    public static string FingerprintOf(Finding finding) =>
        finding.Fingerprint.Length > 0
            ? finding.Fingerprint
            : Fingerprints.Compute(finding.RuleId, finding.Location?.ToString() ?? "", finding.Message);

    // Where the secrets agent reported a value: its gap per (path, line) of each occurrence.
    private static Dictionary<(string Path, int Line), string> SecretGapsByLine(IReadOnlyList<Finding> findings)
    {
        var byLine = new Dictionary<(string, int), string>();
        foreach (var finding in findings)
        {
            if (finding.Location is not { } at || !KeyOf(finding).StartsWith("group:secret:", StringComparison.Ordinal)) continue;
            var lines = finding.Properties.TryGetValue("lines", out var text)
                ? text.Split(',').Select(l => int.TryParse(l, out var n) ? n : 0).Where(n => n > 0)
                : [];
            foreach (var line in lines.Append(at.Line)) byLine.TryAdd((at.Path, line), KeyOf(finding));
        }
        return byLine;
    }

    private static string KeyOf(Finding finding, Dictionary<(string Path, int Line), string> secretLines) =>
        finding.Properties.TryGetValue(GapHints.JoinsSecretOnSameLine, out var joins) && joins == "true"
        && finding.Location is { } at && secretLines.TryGetValue((at.Path, at.Line), out var secretKey)
            ? secretKey
            : KeyOf(finding);

    private static string KeyOf(Finding finding) =>
        finding.Properties.TryGetValue(GroupProperty, out var group) && !string.IsNullOrWhiteSpace(group)
            ? "group:" + group.Trim()
            : "fingerprint:" + FingerprintOf(finding);

    private static Gap ToGap(string key, List<Finding> findings, OwnerResolver owners)
    {
        // The worst finding speaks for the gap; ties go to the first by location so the choice is stable.
        var lead = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Location?.Path ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(FingerprintOf, StringComparer.Ordinal)
            .First();
        var locations = findings.Where(f => f.Location is not null).Select(f => f.Location!)
            .Distinct()
            .OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Column)
            .ToList();
        var (owner, ownerSource) = owners.Resolve(lead.Category, locations.Count > 0 ? locations[0].Path : null);
        var title = findings.Count > 1 ? $"{lead.Title} ({findings.Count} findings)" : lead.Title;
        return new Gap
        {
            Id = "GAP-" + Fingerprints.Compute(key)[..8],
            Key = key,
            Title = title,
            Action = ActionOf(lead),
            Severity = lead.Severity,
            Category = lead.Category,
            Owner = owner,
            OwnerSource = ownerSource,
            Effort = Property(lead, EffortProperty) ?? GapEstimates.Effort(lead.Category, lead.Severity),
            Impact = Property(lead, ImpactProperty) ?? GapEstimates.Impact(lead.Severity),
            Locations = locations,
            RuleIds = findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList(),
            Fingerprints = findings.Select(FingerprintOf).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static string ActionOf(Finding lead)
    {
        if (Property(lead, ActionProperty) is { } action) return action;
        if (lead.Remediation?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is [var first, ..]) return first;
        return "Fix: " + lead.Title;
    }

    private static string? Property(Finding finding, string name) =>
        finding.Properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
