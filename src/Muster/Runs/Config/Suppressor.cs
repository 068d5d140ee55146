using System.Globalization;
using Microsoft.Extensions.FileSystemGlobbing;
using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Runs.Config;

/// <summary>
/// The one suppression step of a run (used by <see cref="AfterRun"/> for every front end): findings the secrets agent
/// marked as baselined, findings under muster.yaml's <c>exclude:</c> and findings a live .musterignore entry names
/// leave the outcome and are listed with the entry and its reason. Expired entries no longer suppress and become notes.
/// </summary>
public sealed class Suppressor
{
    private readonly RepoConfig _config;
    private readonly IReadOnlyList<IgnoreEntry> _entries;
    private readonly DateOnly _today;
    private readonly Matcher? _exclude;

    public Suppressor(RepoConfig config, IReadOnlyList<IgnoreEntry> entries, DateOnly today)
    {
        _config = config;
        _entries = entries;
        _today = today;
        if (config.Exclude.Count > 0)
        {
            _exclude = new Matcher(StringComparison.Ordinal);
            foreach (var glob in config.Exclude) _exclude.AddInclude(glob);
        }
    }

    /// <summary>No committed files: only the findings the secrets agent marked as baselined leave the outcome.</summary>
    public static Suppressor None { get; } = new(RepoConfig.Defaults(Path.GetTempPath()), [], DateOnly.MinValue);

    /// <exception cref="RepoConfigException">The .musterignore has errors.</exception>
    public static Suppressor Load(RepoConfig config, TimeProvider time) =>
        new(config, IgnoreFile.Load(config.IgnoreFile), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    public SuppressionResult Apply(RunOutcome outcome)
    {
        var suppressed = new List<SuppressedFinding>();
        var expiredMatches = new Dictionary<IgnoreEntry, int>();
        var used = new HashSet<IgnoreEntry>();
        var agents = outcome.Agents.Select(agent =>
        {
            var kept = new List<Finding>();
            foreach (var finding in agent.Result.Findings)
            {
                if (Why(outcome.Root, finding, expiredMatches, used) is { } why) suppressed.Add(why);
                else kept.Add(finding);
            }
            return kept.Count == agent.Result.Findings.Count ? agent : agent with { Result = agent.Result with { Findings = kept } };
        }).ToList();
        var notes = _entries.Where(e => e.IsExpired(_today))
            .Select(e => $"{Shown(_config.IgnoreFile)}:{e.Line}: the entry for {e.What} expired on {e.Expires:yyyy-MM-dd} and no longer suppresses" +
                         (expiredMatches.TryGetValue(e, out var n) ? $" ({n} finding(s) it named are reported again)" : "") +
                         "; renew its 'expires:' or remove it")
            .ToList();
        // A secret's fingerprint is salted with the state folder's salt, so one copied from another clone's report never
        // matches: say so rather than let the entry look like it works.
        notes.AddRange(_entries.Where(e => e.Fingerprint is not null && !e.IsExpired(_today) && !used.Contains(e) && !expiredMatches.ContainsKey(e))
            .Select(e => $"{Shown(_config.IgnoreFile)}:{e.Line}: the entry for {e.What} matched no finding of this run; a secret's fingerprint " +
                         "depends on the workspace salt (it differs on another clone): suppress secrets with 'rule:' + 'paths:' or 'muster baseline'"));
        var result = suppressed.Count == 0 ? outcome : outcome with { Agents = agents };
        return new SuppressionResult(result, suppressed.DistinctBy(s => s.Finding.Fingerprint.Length > 0 ? s.Finding.Fingerprint : s.Finding.RuleId + "|" + s.Finding.Location).ToList(), notes);
    }

    /// <summary>The outcome without what this suppressor hides.</summary>
    public RunOutcome Filter(RunOutcome outcome) => Apply(outcome).Outcome;

    private SuppressedFinding? Why(string root, Finding finding, Dictionary<IgnoreEntry, int> expiredMatches, HashSet<IgnoreEntry> used)
    {
        if (finding.Properties.TryGetValue(SuppressionMarks.BaselineEntry, out var entry))
        {
            var file = finding.Properties.TryGetValue(SuppressionMarks.BaselineFile, out var f) && f.Length > 0 ? Shown(Path.Combine(root, f)) : "secrets baseline";
            return new SuppressedFinding(finding, $"{file} entry {entry}", "recorded by muster baseline", "known before the baseline was taken (muster baseline)");
        }
        var path = finding.Location?.Path is { Length: > 0 } p ? ConfigRelative(root, p) : null;
        if (_exclude is not null && path is not null && _exclude.Match(path).HasMatches)
        {
            var glob = _config.Exclude.First(g => MatchesOne(g, path));
            return new SuppressedFinding(finding, $"{Shown(_config.File ?? RepoConfig.FileName)} exclude", $"glob {glob}", "excluded for every agent by muster.yaml");
        }
        foreach (var ignore in _entries)
        {
            if (!ignore.Matches(finding.RuleId, finding.Fingerprint, path)) continue;
            if (ignore.IsExpired(_today))
            {
                expiredMatches[ignore] = expiredMatches.GetValueOrDefault(ignore) + 1;
                continue;
            }
            used.Add(ignore);
            var until = ignore.Expires is { } d ? $" (until {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "";
            return new SuppressedFinding(finding, $"{Shown(_config.IgnoreFile)}:{ignore.Line}", ignore.What + until, ignore.Reason);
        }
        return null;
    }

    private static bool MatchesOne(string glob, string path)
    {
        var one = new Matcher(StringComparison.Ordinal);
        one.AddInclude(glob);
        return one.Match(path).HasMatches;
    }

    /// <summary>A root-relative finding path as seen from the config folder; as is when the root is not under it.</summary>
    private string ConfigRelative(string root, string path)
    {
        var relative = Path.GetRelativePath(_config.Directory, Path.Combine(root, path)).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." ? path : relative;
    }

    private string Shown(string file)
    {
        var relative = Path.GetRelativePath(_config.Directory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative.Replace('\\', '/');
    }
}

/// <summary>The outcome as gates and reports see it, what left it and why, and notes about the suppression files.</summary>
public sealed record SuppressionResult(RunOutcome Outcome, IReadOnlyList<SuppressedFinding> Suppressed, IReadOnlyList<string> Notes);
