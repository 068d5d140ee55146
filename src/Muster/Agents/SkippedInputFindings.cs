using System.Globalization;
using Muster.Model;

namespace Muster.Agents;

/// <summary>
/// The one finding every agent gives for an input it did not read because it is over a size limit: INFO, at the
/// file, saying what was not verified and which setting raises the limit. No input is skipped silently.
/// </summary>
internal static class SkippedInputFindings
{
    public const string RuleId = "MUSTER-INPUT-NOT-VERIFIED";
    public const string Title = "Input not verified: over a size limit";

    /// <param name="category">The agent's finding category.</param>
    /// <param name="path">The skipped file, root-relative.</param>
    /// <param name="what">What was not verified, as a sentence: "the status claims it makes were not checked".</param>
    /// <param name="setting">The agent setting that raises the limit, or null for a fixed budget (docs/input-limits.md).</param>
    public static Finding TooLarge(string category, string path, long size, long limit, string? setting, string what)
    {
        var raise = setting is null ? "a fixed budget, docs/input-limits.md" : $"setting `{setting}`";
        return new Finding
        {
            RuleId = RuleId,
            Title = Title,
            Severity = Severity.Info,
            Category = category,
            Message = string.Create(CultureInfo.InvariantCulture, $"Not verified: {size:N0} bytes exceeds the {limit:N0}-byte limit ({raise}); {what}."),
            Location = new SourceLocation(path),
            Remediation = setting is null
                ? "Split the file, or audit it by other means: this budget protects Muster from hostile input."
                : $"Raise `{setting}` in this agent's `with:` block if the file is real input, or exclude it explicitly.",
            Properties = new Dictionary<string, string>
            {
                ["size"] = size.ToString(CultureInfo.InvariantCulture),
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["setting"] = setting ?? "",
            },
        }.WithDefaultFingerprint(what);
    }

    /// <summary>
    /// The finding for a file read only up to an entry budget: INFO, at the first entry not read, with the count past
    /// the budget and what was not verified for them. The entries before it were audited.
    /// </summary>
    public static Finding PastEntryBudget(string category, string path, int line, long skipped, int budget, string what) => new Finding
    {
        RuleId = RuleId,
        Title = "Input not verified: over an entry budget",
        Severity = Severity.Info,
        Category = category,
        Message = string.Create(CultureInfo.InvariantCulture,
            $"Not verified: {skipped:N0} entries past the {budget:N0}-entry budget (a fixed budget, docs/input-limits.md) were counted, not read{(line > 0 ? $", from line {line:N0} on" : "")}; {what}."),
        Location = new SourceLocation(path, Math.Max(line, 0)),
        Remediation = "Split the file, or audit it by other means: this budget protects Muster from hostile input.",
        Properties = new Dictionary<string, string>
        {
            ["skipped"] = skipped.ToString(CultureInfo.InvariantCulture),
            ["limit"] = budget.ToString(CultureInfo.InvariantCulture),
            ["setting"] = "",
        },
    }.WithDefaultFingerprint(what);

    /// <summary>"1 MCP config not read (too large): not verified" — the summary clause for skipped inputs, empty when none;
    /// with <paramref name="paths"/>, the first ten are named.</summary>
    public static string SummaryClause(int count, string singular, string plural, IEnumerable<string>? paths = null)
    {
        if (count == 0) return "";
        var named = paths is null ? "" : " (" + string.Join(", ", paths.Take(10)) + (count > 10 ? ", …" : "") + ")";
        return string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural)} not read (too large): not verified{named}.");
    }
}
