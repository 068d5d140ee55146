using Muster.Model;

namespace Muster.Gaps;

/// <summary>
/// Effort and impact when the rule gives none (<c>Finding.Properties["effort"]</c> / <c>["impact"]</c>): a per-category,
/// per-severity table (docs/gaps.md). Impact defaults to the severity label, as in the seed's action tables.
/// </summary>
internal static class GapEstimates
{
    // Columns: CRITICAL, HIGH, MEDIUM, LOW, INFO.
    private static readonly Dictionary<string, string[]> EffortByCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["security"] = ["30 min", "1 hr", "1 hr", "15 min", "15 min"],
        ["infrastructure"] = ["1 hr", "2 hr", "2 hr", "30 min", "15 min"],
        ["configuration"] = ["30 min", "1 hr", "30 min", "15 min", "15 min"],
        ["dependencies"] = ["1 hr", "1 hr", "2 hr", "30 min", "15 min"],
        ["imports"] = ["1 hr", "1 hr", "30 min", "15 min", "15 min"],
        ["tests"] = ["2 hr", "2 hr", "4 hr", "1 hr", "15 min"],
        ["types"] = ["2 hr", "2 hr", "1 hr", "30 min", "15 min"],
        ["documentation"] = ["30 min", "1 hr", "1 hr", "15 min", "15 min"],
    };

    private static readonly string[] OtherEffort = ["1 hr", "2 hr", "2 hr", "30 min", "15 min"];

    public static string Effort(string category, Severity severity)
    {
        var row = EffortByCategory.TryGetValue(category, out var r) ? r : OtherEffort;
        return row[Column(severity)];
    }

    public static string Impact(Severity severity) => severity.ToLabel();

    private static int Column(Severity severity) => severity switch
    {
        Severity.Critical => 0,
        Severity.High => 1,
        Severity.Medium => 2,
        Severity.Low => 3,
        _ => 4,
    };
}
