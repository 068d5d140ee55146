using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Muster.Engine;
using Muster.Model;

namespace Muster.Reports.Sarif;

/// <summary>report.sarif: SARIF 2.1.0 shaped for GitHub code scanning (docs/report-sarif.md).</summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string MusterFingerprintKey = "musterFingerprint/v1";
    public const string PrimaryLocationLineHashKey = "primaryLocationLineHash";

    private static readonly SarifContext Context = new(new JsonSerializerOptions(SarifContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public ReportFormat Format => ReportFormat.Sarif;
    public string FileName => "report.sarif";
    public IReadOnlyList<string> Names { get; } = ["sarif"];

    public async Task WriteAsync(RunOutcome outcome, ReportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(destination, Build(outcome, options), Context.SarifLog, cancellationToken).ConfigureAwait(false);
        destination.WriteByte((byte)'\n');
    }

    /// <summary>GitHub's security-severity score for a severity; null for INFO, which carries no score.</summary>
    public static string? SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => null,
    };

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    internal static SarifLog Build(RunOutcome outcome, ReportOptions options)
    {
        var findings = outcome.Findings;
        // The first finding of a rule in worst-first order describes the rule, so a rule's score is its worst case.
        var ruleFindings = findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var ruleIndex = ruleFindings
            .Select((f, i) => (f.RuleId, i))
            .ToDictionary(p => p.RuleId, p => p.i, StringComparer.Ordinal);
        var driver = new SarifDriver(
            "Muster",
            options.ToolVersion,
            options.ToolInformationUri,
            ruleFindings.Select(Rule).ToList());
        var run = new SarifRun(
            new SarifTool(driver),
            [Invocation(outcome)],
            new Dictionary<string, SarifArtifactLocation>
            {
                [SarifUri.SourceRootId] = new(SarifUri.ForRoot(outcome.Root)),
            },
            findings.Select(f => Result(f, ruleIndex[f.RuleId], outcome.Root, options)).ToList(),
            new SarifRunProperties(outcome.RunId, outcome.PlanName, ReportText.RunStatus(outcome.Status), outcome.StopReason));
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static SarifRule Rule(Finding representative)
    {
        var title = NonEmpty(representative.Title, representative.RuleId);
        return new SarifRule(
            representative.RuleId,
            RuleName(representative.RuleId),
            new SarifText(title),
            new SarifText($"{title} (category: {NonEmpty(representative.Category, "uncategorized")})"),
            new SarifText(NonEmpty(representative.Remediation, "The reporting agent gave no remediation for this rule.")),
            new SarifConfiguration(Level(representative.Severity)),
            RuleProperties(representative));
    }

    private static SarifRuleProperties RuleProperties(Finding representative)
    {
        var score = SecuritySeverity(representative.Severity);
        var tags = new List<string>();
        // GitHub treats a rule as a security alert, and shows its security-severity, only when tagged "security".
        if (score is not null) tags.Add("security");
        if (representative.Category.Length > 0 && !tags.Contains(representative.Category)) tags.Add(representative.Category);
        return new SarifRuleProperties(score, tags);
    }

    private static SarifResult Result(Finding finding, int ruleIndex, string root, ReportOptions options)
    {
        var fingerprint = RunFacts.FingerprintOf(finding);
        return new SarifResult(
            finding.RuleId,
            ruleIndex,
            Level(finding.Severity),
            new SarifText(NonEmpty(finding.Message, NonEmpty(finding.Title, finding.RuleId))),
            Locations(finding, root, options),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [MusterFingerprintKey] = fingerprint,
                // GitHub's own hashes have the form "hash:occurrence"; Muster's fingerprint is already unique per issue.
                [PrimaryLocationLineHashKey] = fingerprint + ":1",
            },
            new SarifResultProperties(
                finding.Severity.ToLabel(),
                finding.Category,
                finding.Title,
                finding.AgentId.Length > 0 ? finding.AgentId : null,
                finding.Properties.Count > 0
                    ? new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal)
                    : null));
    }

    private static List<SarifLocation>? Locations(Finding finding, string root, ReportOptions options)
    {
        var artifact = finding.Location is { } location ? SarifUri.ForPath(location.Path, root) : null;
        artifact ??= options.SarifUnlocatedFindingPath is { } fallback ? SarifUri.ForPath(fallback, root) : null;
        if (artifact is null) return null;
        var line = finding.Location is { Line: > 0 } l ? l.Line : 1;
        int? column = finding.Location is { Column: > 0 } c && finding.Location.Line > 0 ? c.Column : null;
        var snippet = string.IsNullOrEmpty(finding.Evidence) ? null : new SarifText(finding.Evidence);
        return [new SarifLocation(new SarifPhysicalLocation(artifact, new SarifRegion(line, column, snippet)))];
    }

    private static SarifInvocation Invocation(RunOutcome outcome) => new(
        outcome.Status == RunStatus.Completed,
        Utc(outcome.StartedAt),
        outcome.FinishedAt is { } finished ? Utc(finished) : null);

    private static string Utc(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A rule id as a PascalCase identifier ("secrets/api-key" → "SecretsApiKey"), SARIF's style for names.</summary>
    internal static string RuleName(string ruleId)
    {
        var name = new StringBuilder(ruleId.Length);
        var upper = true;
        foreach (var ch in ruleId)
        {
            if (!char.IsAsciiLetterOrDigit(ch))
            {
                upper = true;
                continue;
            }
            name.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        return name.Length > 0 ? name.ToString() : "Rule";
    }

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
