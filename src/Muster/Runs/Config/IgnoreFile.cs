using System.Globalization;
using Microsoft.Extensions.FileSystemGlobbing;
using YamlDotNet.RepresentationModel;

namespace Muster.Runs.Config;

/// <summary>
/// One entry of <c>.musterignore</c>: a finding's fingerprint, or a rule within path globs; always with a reason,
/// optionally until a date (the last day it suppresses).
/// </summary>
public sealed record IgnoreEntry(int Line, string? Fingerprint, string? Rule, IReadOnlyList<string> Paths, string Reason, DateOnly? Expires)
{
    private readonly Matcher? _paths = Paths.Count == 0 ? null : BuildMatcher(Paths);

    /// <summary>How reports name the entry: "fingerprint 1a2b…" or "rule R in a/**, b/**".</summary>
    public string What => Fingerprint is not null ? $"fingerprint {Fingerprint}" : $"rule {Rule} in {string.Join(", ", Paths)}";

    public bool IsExpired(DateOnly today) => Expires is { } last && today > last;

    /// <param name="path">The finding's path relative to the config folder, '/' separated; null when it has none.</param>
    public bool Matches(string ruleId, string fingerprint, string? path) =>
        Fingerprint is not null
            ? string.Equals(Fingerprint, fingerprint, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Rule, ruleId, StringComparison.Ordinal) && path is not null && _paths!.Match(path).HasMatches;

    private static Matcher BuildMatcher(IReadOnlyList<string> globs)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs) matcher.AddInclude(glob);
        return matcher;
    }
}

/// <summary>Reads <c>.musterignore</c> (YAML, committed, like Trivy's .trivyignore.yaml): a list of entries.</summary>
public static class IgnoreFile
{
    private static readonly string[] EntryKeys = ["fingerprint", "rule", "paths", "reason", "expires"];
    private const string Example = "write e.g. '- rule: secrets/generic-password' with 'paths: [\"tests/**\"]' and 'reason: test fixtures'";

    /// <summary>The entries of <paramref name="path"/>; none when the file does not exist.</summary>
    /// <exception cref="RepoConfigException">An entry without a reason, an unknown key, a bad date; all are listed.</exception>
    public static IReadOnlyList<IgnoreEntry> Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : [];

    public static IReadOnlyList<IgnoreEntry> Parse(string text, string file)
    {
        var y = new YamlErrors(file);
        var entries = new List<IgnoreEntry>();
        var root = y.LoadRoot(text);
        if (root is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (ParseEntry(y, item) is { } entry) entries.Add(entry);
            }
        }
        else if (root is not (null or YamlScalarNode { Value: null or "" }))
        {
            y.Error(root, $"{RepoConfig.DefaultIgnoreFile} is a list of entries", Example);
        }
        return y.Errors.Count > 0 ? throw new RepoConfigException(y.Errors) : entries;
    }

    private static IgnoreEntry? ParseEntry(YamlErrors y, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            y.Error(node, "an entry must be a mapping with 'reason:' and 'fingerprint:' or 'rule:' + 'paths:'", Example);
            return null;
        }
        var errors = y.Errors.Count;
        var keys = y.Keys(map, EntryKeys, $"{RepoConfig.DefaultIgnoreFile} entry");
        var line = (int)map.Start.Line;
        var fingerprint = keys.TryGetValue("fingerprint", out var f) ? y.Scalar(f, "fingerprint")?.Trim() : null;
        var rule = keys.TryGetValue("rule", out var r) ? y.Scalar(r, "rule")?.Trim() : null;
        var paths = keys.TryGetValue("paths", out var p) ? y.StringList(p, "paths", "write e.g. 'paths: [\"tests/**\", \"docs/*.md\"]'") : [];
        var reason = keys.TryGetValue("reason", out var why) ? y.Scalar(why, "reason")?.Trim() : null;
        if (string.IsNullOrEmpty(reason))
            y.Error(keys.TryGetValue("reason", out var empty) ? empty : map, $"the entry at line {line} has no 'reason:'", "say why it is suppressed, e.g. 'reason: sample key from the vendor's docs, not live'");
        if (fingerprint is { Length: > 0 } && rule is { Length: > 0 })
            y.Error(map, $"the entry at line {line} has both 'fingerprint:' and 'rule:'", "keep one: a fingerprint names one finding, a rule with 'paths:' names many");
        else if (fingerprint is not { Length: > 0 } && rule is not { Length: > 0 })
            y.Error(map, $"the entry at line {line} has neither 'fingerprint:' nor 'rule:'", "add 'fingerprint: …' (report.json lists each finding's) or 'rule: …' with 'paths:'");
        else if (rule is { Length: > 0 } && paths.Count == 0)
            y.Error(r!, $"the entry at line {line} names rule '{rule}' without 'paths:'", "add 'paths: [\"**\"]' to suppress it everywhere, or the globs it applies to");
        else if (fingerprint is { Length: > 0 } && paths.Count > 0)
            y.Error(p!, $"the entry at line {line} has 'paths:' with a fingerprint", "a fingerprint already names one finding at one place: remove 'paths:'");
        DateOnly? expires = null;
        if (keys.TryGetValue("expires", out var e) && y.Scalar(e, "expires")?.Trim() is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) expires = d;
            else y.Error(e, $"'expires' must be a date YYYY-MM-DD, not '{date}'", "write e.g. 'expires: 2026-12-31' (the last day it suppresses)");
        }
        return y.Errors.Count > errors ? null : new IgnoreEntry(line, fingerprint is { Length: > 0 } ? fingerprint : null, rule is { Length: > 0 } ? rule : null, paths, reason!, expires);
    }
}
