namespace Muster.Model;

/// <summary>
/// Properties an agent sets on a finding that a committed file suppresses. The agent only marks it (only it can match a
/// secret's value); the after-run step moves marked findings to the report's suppressed list, so they are counted and
/// listed, never dropped, and never count toward gates, <c>--fail-on</c> or a wave's <c>max-findings</c>.
/// </summary>
public static class SuppressionMarks
{
    /// <summary>The baseline file (as the agent was given it) that holds the finding.</summary>
    public const string BaselineFile = "baseline-file";

    /// <summary>The 1-based entry of that file that matched.</summary>
    public const string BaselineEntry = "baseline-entry";

    /// <summary>
    /// On a baseline scan only: the key a committed baseline stores for the finding (<c>salt:key</c>, see
    /// docs/secrets.md), computed by the agent because only it holds the value.
    /// </summary>
    public const string BaselineKey = "baseline-key";

    public static bool IsBaselined(Finding finding) => finding.Properties.ContainsKey(BaselineEntry);
}
