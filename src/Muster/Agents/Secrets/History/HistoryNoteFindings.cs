using System.Globalization;
using Muster.Model;

namespace Muster.Agents.Secrets.History;

/// <summary>
/// What the history scan could not verify, as INFO findings: the commit bound cut history, the clone is shallow, or
/// a repository's history could not be read. A workspace that is not a repository, or <c>history: none</c>, is only
/// said in the summary: there is no history there to leave unverified.
/// </summary>
internal static class HistoryNoteFindings
{
    public const string TruncatedRuleId = "secrets/history-truncated";
    public const string ShallowRuleId = "secrets/history-shallow";
    public const string UnverifiedRuleId = "secrets/history-unverified";

    public static IEnumerable<Finding> From(HistoryScanResult history, string agentId)
    {
        if (history.Truncated)
            yield return Note(TruncatedRuleId, $"history not verified beyond commit {history.MaxCommits.ToString("N0", CultureInfo.InvariantCulture)}",
                $"History not verified beyond commit {history.MaxCommits:N0}: the newest {history.MaxCommits:N0} commits ({history.Scope}) were scanned for secrets, older ones were not.",
                "Raise --history-max-commits (or the plan's history-max-commits) to scan the rest.", agentId, "truncated");
        if (history.Shallow)
            yield return Note(ShallowRuleId, "history truncated: shallow clone",
                "History truncated: shallow clone. Commits older than the clone's depth are not in this repository and were not scanned for secrets.",
                "Run `git fetch --unshallow` (or audit a full clone) to scan the whole history.", agentId, "shallow");
        if (history.RepositoryFound && history.NotVerified is { } why)
            yield return Note(UnverifiedRuleId, "git history not verified",
                $"Git history not verified free of secrets: {why}.",
                "Make the repository readable with git installed, or set `history: none` for the secrets agent to skip history on purpose.", agentId, "unverified");
    }

    private static Finding Note(string ruleId, string title, string message, string remediation, string agentId, string discriminator) => new Finding
    {
        RuleId = ruleId,
        Title = char.ToUpperInvariant(title[0]) + title[1..],
        Severity = Severity.Info,
        Category = SecretsAgent.Category,
        Message = message,
        Location = new SourceLocation(".git"),
        Remediation = remediation,
        AgentId = agentId,
    }.WithDefaultFingerprint(discriminator);

    /// <summary>One sentence for the agent's summary.</summary>
    public static string Summary(HistoryScanResult history)
    {
        if (history.Scope.Kind == HistoryScopeKind.None) return "git history not scanned (history: none)";
        if (history.Commits == 0 && history.NotVerified is { } none) return $"git history not verified ({none})";
        var text = history.Commits == 0
            ? "git history: no commits"
            : $"git history ({history.Scope}): {history.Commits:N0} commit{(history.Commits == 1 ? "" : "s")}, {history.BlobsScanned:N0} of {history.Blobs:N0} blobs scanned " +
              $"({history.Bytes / (1024.0 * 1024.0):N1} MB in {history.Seconds:N1} s; {history.BinaryBlobs:N0} binary, {history.SkippedPaths:N0} excluded paths)";
        if (history.Truncated) text += $"; not verified beyond commit {history.MaxCommits:N0}";
        if (history.Shallow) text += "; truncated: shallow clone";
        if (history.NotVerified is { } partial) text += $"; partly not verified: {partial}";
        if (history.PushedUnknown is { } unknown) text += $"; whether commits were pushed is unknown: {unknown}";
        return text;
    }
}
