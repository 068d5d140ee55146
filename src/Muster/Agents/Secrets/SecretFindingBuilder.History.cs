using Muster.Agents.Secrets.History;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// History findings. A value the tree scan also found stays one finding (the tree's), which gains the commit that
/// first added it; a value found only in history is a finding at the path and line of that commit, fingerprinted
/// like a tree finding (salted value, rule, path) so baselines and allow-lists treat both alike.
/// </summary>
internal sealed partial class SecretFindingBuilder
{
    public const string HistoryRemediation = "Still in history: rotate it, then purge it with git filter-repo";

    // Secret value -> fingerprints of the tree findings holding it (kept or baselined: either way the tree owns it).
    private readonly Dictionary<string, List<string>> _treeValues = new(StringComparer.Ordinal);

    private void RememberTreeValue(string secret, string fingerprint)
    {
        if (!_treeValues.TryGetValue(secret, out var fingerprints)) _treeValues[secret] = fingerprints = [];
        fingerprints.Add(fingerprint);
    }

    /// <summary>Adds what <paramref name="history"/> found to <paramref name="findings"/>, the tree findings <see cref="Build"/> returned.</summary>
    public void AddHistory(List<Finding> findings, HistoryScanResult history, ScanTally tally)
    {
        var scratch = new ScanTally(); // placeholders and inline allows repeat in every blob of a file's history: not the tree's counts
        var earliest = new Dictionary<(string Rule, string Secret), (HistoryOccurrence Where, SecretDetection Detection, IReadOnlyList<long> Lines)>();
        foreach (var occurrence in history.Occurrences)
        {
            var silentGeneric = FileKinds.IsManifestOrLockfile(occurrence.Path) || FileKinds.IsLocalization(occurrence.Path);
            foreach (var (detection, lines) in Resolve(occurrence.Detections.Where(d => !silentGeneric || !IsGeneric(d.Rule)), scratch))
            {
                var key = (detection.Rule.Id, detection.Secret);
                if (!earliest.TryGetValue(key, out var seen) || occurrence.Order > seen.Where.Order
                    || (occurrence.Order == seen.Where.Order && string.CompareOrdinal(occurrence.Path, seen.Where.Path) < 0))
                    earliest[key] = (occurrence, detection, lines);
            }
        }
        var ordered = earliest.Values
            .OrderBy(e => e.Where.Path, StringComparer.Ordinal).ThenBy(e => e.Detection.Line).ThenBy(e => e.Detection.Rule.Id, StringComparer.Ordinal);
        foreach (var (where, detection, lines) in ordered)
        {
            if (allow.AllowsSecret(detection.Secret)) { tally.AllowedByConfig++; continue; }
            if (detection.Softened?.Max is not Severity.Low) scrubber?.Remember(detection.Secret); // as the tree: benign local defaults stay readable
            if (_treeValues.TryGetValue(detection.Secret, out var fingerprints)) AttachHistory(findings, fingerprints, where, detection, history);
            else Keep(findings, HistoryFinding(where, detection, lines, history), tally, detection.Secret);
        }
    }

    private static void AttachHistory(List<Finding> findings, List<string> fingerprints, HistoryOccurrence where, SecretDetection d, HistoryScanResult history)
    {
        var location = new SourceLocation(where.Path, (int)Math.Min(d.Line, int.MaxValue), d.Column);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!fingerprints.Contains(finding.Fingerprint) || finding.Properties.ContainsKey("history-commit")) continue;
            var properties = new Dictionary<string, string>(finding.Properties)
            {
                ["history-commit"] = where.Commit.Id,
                ["history-author-date"] = where.Commit.AuthorDate,
                ["history-location"] = location.ToString(),
                ["history-pushed"] = PushedLabel(where, history),
            };
            findings[i] = finding with
            {
                Message = finding.Message + $" It is also in git history since commit {where.Commit.ShortId} ({where.Commit.AuthorDate}) at {location}.",
                Properties = properties,
            };
        }
    }

    private Finding HistoryFinding(HistoryOccurrence where, SecretDetection d, IReadOnlyList<long> lines, HistoryScanResult history)
    {
        var rule = d.Rule;
        var context = PathContext.Of(where.Path);
        var (cap, note) = CapFor(d, context);
        var pushed = history.IsPushed(where.Commit.Id);
        // Out of the tree but in every clone: HIGH, and CRITICAL once a remote has it.
        var severity = Min(cap, pushed ? Severity.Critical : Severity.High);
        var location = new SourceLocation(where.Path, (int)Math.Min(d.Line, int.MaxValue), d.Column);
        var message = $"{(d.Encrypted is null ? rule.Description + " in plaintext" : rule.Description + " (encrypted)")} at {location} as of commit {where.Commit.ShortId} " +
                      $"({where.Commit.AuthorDate}); it is no longer in the work tree but stays in the git history" +
                      (pushed ? ", and that commit was pushed (a remote-tracking ref reaches it)" : "") +
                      (lines.Count > 1 ? $"; that version also holds it on line{(lines.Count > 2 ? "s" : "")} {string.Join(", ", lines.Skip(1))}" : "") + "." +
                      (context is null ? "" : $" The file was {context} material ({context} path): make sure the value is not a real credential.") + note;
        var properties = SecretProperties(d, lines, "history");
        properties["commit"] = where.Commit.Id;
        properties["author-date"] = where.Commit.AuthorDate;
        properties["pushed"] = PushedLabel(where, history);
        return new Finding
        {
            RuleId = "secrets/" + rule.Id,
            Title = $"{rule.Description} in git history",
            Severity = severity,
            Category = SecretsAgent.Category,
            Message = message,
            Location = location,
            Evidence = Redaction.Redact(d.Secret),
            Remediation = $"{HistoryRemediation} (`git filter-repo --replace-text FILE`, FILE listing the value) and force-push; every existing clone keeps a copy, so rotate first. {rule.Remediation}",
            AgentId = agentId,
            Fingerprint = Fingerprints.ForSecret(salt, rule.Id, where.Path, d.Secret),
            Properties = properties,
        }.WithContext(context, d.Check);
    }

    private static string PushedLabel(HistoryOccurrence where, HistoryScanResult history) =>
        history.PushedUnknown is not null ? "unknown" : history.IsPushed(where.Commit.Id) ? "true" : "false";
}
