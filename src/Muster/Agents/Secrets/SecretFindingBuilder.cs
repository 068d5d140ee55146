using System.Globalization;
using System.Text.RegularExpressions;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// Turns detections into findings: drops placeholders and allow-listed values, lets a provider rule win over a
/// generic one on the same text, rates severity by exposure, redacts evidence and fingerprints with the salt.
/// </summary>
internal sealed partial class SecretFindingBuilder(string salt, string agentId, SecretsAllowList allow, SecretsBaseline? baseline, ISecretScrubber? scrubber = null)
{
    /// <summary>The baseline file as the agent was given it, for the mark on the findings it suppresses.</summary>
    public string BaselineFile { get; init; } = "";

    /// <summary>A baseline scan: every secret finding carries the key a committed baseline stores for it.</summary>
    public bool ComputeBaselineKeys { get; init; }

    private readonly BaselineKey.Cache _keys = new();

    // One salt per (rule, path): a finding is then matched with one key derivation, whatever the entries of its place.
    private readonly Dictionary<(string Rule, string Path), string> _placeSalts = [];

    public List<Finding> Build(IEnumerable<Candidate> candidates, ScanTally tally)
    {
        var findings = new List<Finding>();
        foreach (var group in candidates.GroupBy(c => c.File.RelativePath, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var status = group.First().Status;
            var silentGeneric = FileKinds.IsManifestOrLockfile(group.Key) || FileKinds.IsLocalization(group.Key);
            var resolved = Resolve(group.Select(c => c.Detection).OfType<SecretDetection>().Where(d => !silentGeneric || !IsGeneric(d.Rule)), tally).ToList();
            foreach (var sensitive in group.Where(c => c.SensitiveKind is not null))
            {
                // A file named *credential* is a finding only when it holds something credential-like.
                if (sensitive.SensitiveKind == SensitiveFiles.CredentialsDocument && resolved.Count == 0) continue;
                var finding = SensitiveFileFinding(sensitive.File.RelativePath, sensitive.SensitiveKind!, status);
                if (sensitive.SensitiveKind == SensitiveFiles.EnvironmentFile && sensitive.FullyRead && resolved.Count == 0) finding = WithoutCredential(finding);
                Keep(findings, finding, tally);
            }
            foreach (var (detection, lines) in resolved)
            {
                if (allow.AllowsSecret(detection.Secret)) { tally.AllowedByConfig++; continue; }
                // Baselined or not, it is a secret: the run's scrubber redacts it wherever it shows up later. A benign
                // value (a local default such as "postgres") is an ordinary word elsewhere: redacting it everywhere
                // would mangle paths and service names in every message.
                if (detection.Softened?.Max is not Severity.Low) scrubber?.Remember(detection.Secret);
                var finding = SecretFinding(group.Key, status, detection, lines);
                RememberTreeValue(detection.Secret, finding.Fingerprint);
                Keep(findings, finding, tally, detection.Secret);
            }
        }
        return findings;
    }

    /// <summary>Adds the finding unless allow-listed; one a baseline holds is kept and marked (the after-run step lists it as suppressed).</summary>
    private void Keep(List<Finding> findings, Finding finding, ScanTally tally, string? secret = null)
    {
        if (allow.AllowsFingerprint(finding.Fingerprint)) { tally.AllowedByConfig++; return; }
        if (baseline?.Match(finding, secret, _keys) is { } entry)
        {
            tally.Baselined++;
            finding = WithProperties(finding, new()
            {
                [SuppressionMarks.BaselineFile] = BaselineFile,
                [SuppressionMarks.BaselineEntry] = (entry + 1).ToString(CultureInfo.InvariantCulture),
            });
        }
        else if (ComputeBaselineKeys && secret is not null)
        {
            var place = (finding.RuleId, finding.Location?.Path ?? "");
            if (!_placeSalts.TryGetValue(place, out var placeSalt)) _placeSalts[place] = placeSalt = BaselineKey.NewSalt();
            finding = WithProperties(finding, new() { [SuppressionMarks.BaselineKey] = BaselineKey.Format(placeSalt, _keys.Derive(secret, placeSalt)) });
        }
        findings.Add(finding);
    }

    private static Finding WithProperties(Finding finding, Dictionary<string, string> added)
    {
        var properties = new Dictionary<string, string>(finding.Properties);
        foreach (var (key, value) in added) properties[key] = value;
        return finding with { Properties = properties };
    }

    /// <summary>Real, not inline-allowed detections; one per distinct (rule, value), provider rules first on shared text.</summary>
    internal static IEnumerable<(SecretDetection Detection, IReadOnlyList<long> Lines)> Resolve(IEnumerable<SecretDetection> detections, ScanTally tally)
    {
        var specific = new List<SecretDetection>();
        var generic = new List<SecretDetection>();
        foreach (var d in detections)
        {
            if (d.IsPlaceholder) tally.Placeholders++;
            else if (d.AllowedInline) tally.AllowedInline++;
            else (IsGeneric(d.Rule) ? generic : specific).Add(d);
        }
        // Kept spans of one kind never overlap each other, so sorted by start they are sorted by end too: a binary
        // search finds the only provider span that could overlap a candidate, and among generic spans kept in offset
        // order only the last can. No quadratic pass over a file full of tokens.
        var keptSpecific = new List<SecretDetection>();
        foreach (var d in specific.OrderBy(d => d.Offset).ThenBy(d => d.Rule.Id, StringComparer.Ordinal))
        {
            if (keptSpecific.Count == 0 || !Overlap(keptSpecific[^1], d)) keptSpecific.Add(d);
        }
        var keptGeneric = new List<SecretDetection>();
        foreach (var d in generic.OrderBy(d => d.Offset).ThenBy(d => d.Rule.Id, StringComparer.Ordinal))
        {
            if (OverlapsAny(keptSpecific, d) || (keptGeneric.Count > 0 && Overlap(keptGeneric[^1], d))) continue;
            keptGeneric.Add(d);
        }
        var kept = keptSpecific.Concat(keptGeneric);
        return kept
            .GroupBy(d => (d.Rule.Id, d.Secret))
            .Select(g => (g.First(), (IReadOnlyList<long>)g.Select(d => d.Line).Distinct().Order().ToList()))
            .OrderBy(x => x.Item1.Offset);
    }

    private static bool Overlap(SecretDetection a, SecretDetection b) =>
        a.Offset < b.Offset + b.Secret.Length && b.Offset < a.Offset + a.Secret.Length;

    private static bool OverlapsAny(List<SecretDetection> sorted, SecretDetection d)
    {
        var end = d.Offset + d.Secret.Length;
        int lo = 0, hi = sorted.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Offset < end) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return last >= 0 && Overlap(sorted[last], d);
    }

    // Shape-validated rules (passwords, tokens in assignments) are generic; checksum and structure validators are a provider's.
    private static bool IsGeneric(SecretRule rule) =>
        rule.Validator is SecretValidator.Password or SecretValidator.Token || rule.Id.StartsWith("generic-", StringComparison.Ordinal);

    private Finding SecretFinding(string path, GitFileStatus status, SecretDetection d, IReadOnlyList<long> lines)
    {
        var rule = d.Rule;
        var occurrences = lines.Count;
        var context = PathContext.Of(path);
        var (cap, note) = CapFor(d, context);
        var severity = status.IsExposed() ? cap : Min(cap, Severity.High);
        var where = new SourceLocation(path, (int)Math.Min(d.Line, int.MaxValue), d.Column);
        var message = $"{(d.Encrypted is null ? rule.Description + " in plaintext" : rule.Description + " (encrypted)")} at {where}; the file is {status.Describe()}" +
                      (occurrences > 1 ? $"; also on line{(occurrences > 2 ? "s" : "")} {string.Join(", ", lines.Skip(1))}" : "") + "." +
                      (context is null ? "" : $" The file is {context} material ({context} path): make sure the value is not a real credential.") + note;
        return new Finding
        {
            RuleId = "secrets/" + rule.Id,
            Title = status.IsExposed() ? $"{rule.Description} exposed" : $"{rule.Description} in an ignored file",
            Severity = severity,
            Category = SecretsAgent.Category,
            Message = message,
            Location = where,
            Evidence = Redaction.Redact(d.Secret),
            Remediation = rule.Remediation + ExposureAdvice(path, status),
            AgentId = agentId,
            Fingerprint = Fingerprints.ForSecret(salt, rule.Id, path, d.Secret),
            Properties = SecretProperties(d, lines, status.ToLabel()),
        }.WithContext(context, d.Check);
    }

    /// <summary>The properties every secret finding carries, tree or history; none holds the value.</summary>
    private Dictionary<string, string> SecretProperties(SecretDetection d, IReadOnlyList<long> lines, string git) => new()
    {
        ["rule"] = d.Rule.Id,
        // One key pasted in five files is one "rotate this key" gap with five locations (salted: no secret in it).
        ["gap-group"] = "secret:" + Fingerprints.ForSecret(salt, "gap-group", "", d.Secret),
        ["action"] = $"Rotate the exposed {d.Rule.Description} and move it to a secret manager",
        ["git"] = git,
        ["occurrences"] = lines.Count.ToString(CultureInfo.InvariantCulture),
        ["lines"] = string.Join(",", lines.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        ["length"] = d.Secret.Length.ToString(CultureInfo.InvariantCulture),
        ["entropy"] = SecretHeuristics.Entropy(d.Secret).ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The most a detection can be rated, whatever its exposure, and the sentence that says why when lowered.</summary>
    private static (Severity Cap, string Note) CapFor(SecretDetection d, string? context)
    {
        var rule = d.Rule;
        var generic = IsGeneric(rule);
        // Tests, docs and examples hold samples: a provider-shaped value there is at most MEDIUM, a generic one LOW.
        var cap = context is null ? rule.Severity : Min(rule.Severity, generic ? Severity.Low : Severity.Medium);
        var note = "";
        if (d.Encrypted is not null)
        {
            cap = Severity.Info;
            note = $" Not plaintext: {d.Encrypted}; keep the decryption key out of the repository.";
        }
        else if (d.Softened is { } softened)
        {
            cap = Min(cap, softened.Max);
            note = $" {softened.Why}";
        }
        else if (d.Check == TokenCheck.Failed)
        {
            cap = Min(cap, Severity.Low);
            note = " Its checksum does not verify: a sample, a typo or a truncated copy, not a live token.";
        }
        else if (generic && Uuid().IsMatch(d.Secret))
        {
            cap = Min(cap, Severity.Medium);
            note = " The value is shaped like an identifier (a UUID), but it is assigned to a secret's name: several providers issue such keys.";
        }
        return (cap, note);
    }

    private Finding SensitiveFileFinding(string path, string kind, GitFileStatus status) => new Finding
    {
        RuleId = SecretsAgent.SensitiveFileRuleId,
        Title = status == GitFileStatus.Tracked ? $"Sensitive file tracked by git ({kind})" : $"Sensitive file not covered by .gitignore ({kind})",
        Severity = Severity.High,
        Category = SecretsAgent.Category,
        Message = $"{path} is a {kind} and is {status.Describe()}.",
        Location = new SourceLocation(path),
        Remediation = status == GitFileStatus.Tracked
            ? $"Run `git rm --cached {path}`, add it to .gitignore, rotate every credential it held (they are in the history), and keep them in a secret manager."
            : $"Add {path} to .gitignore (or move it out of the workspace) and keep its credentials in a secret manager.",
        AgentId = agentId,
        Properties = new Dictionary<string, string> { ["kind"] = kind, ["git"] = status.ToLabel() },
    }.WithDefaultFingerprint(kind);

    // Every value was read and none is a credential (all empty, placeholders or references): a template committed
    // under the real file's name, which invites the next person to fill it in. LOW, and the message says why.
    private static Finding WithoutCredential(Finding finding) => finding with
    {
        Severity = Severity.Low,
        Message = finding.Message + " Every value in it was checked: none is a credential (they are empty, placeholders or references), so there is nothing to rotate.",
        Remediation = "Rename it to .env.example (a template), add .env to .gitignore, and keep real values out of the repository.",
    };

    private static string ExposureAdvice(string path, GitFileStatus status) => status switch
    {
        GitFileStatus.Tracked => $" The file is tracked by git, so the value is in the history: rotating is mandatory, then `git rm --cached {path}` or remove the value and purge history if the repository is shared.",
        GitFileStatus.Untracked or GitFileStatus.NotIgnored => $" Add {path} to .gitignore so it is never committed.",
        _ => " The file is ignored, but the value is still plaintext on disk.",
    };

    private static Severity Min(Severity a, Severity b) => a < b ? a : b;

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();
}
