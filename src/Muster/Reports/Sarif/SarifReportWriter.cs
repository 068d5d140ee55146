using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Muster.Engine;
using Muster.Model;
using Muster.Reports.Rules;

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

    /// <summary>GitHub's problem.severity, which code scanning shows for rules that are not security rules.</summary>
    public static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "recommendation",
    };

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>The run category code scanning keeps alerts apart by: <c>muster/PLAN/</c> (GitHub reads up to the last '/').</summary>
    public static string AutomationId(RunOutcome outcome) => $"muster/{Slug(outcome.PlanName)}/{outcome.RunId}";

    internal static SarifLog Build(RunOutcome outcome, ReportOptions options)
    {
        // The same listing as every other report: beyond the threshold, one result per (agent, rule) stands for the rest.
        var (findings, aggregates) = ReportAggregation.Findings(outcome.Findings, options.AggregateThreshold);
        var byRule = findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = byRule.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var rules = byRule.Select(g => Rule(g.ToList(), options)).ToList();
        var driver = new SarifDriver(
            "Muster",
            $"Muster {options.ToolVersion}",
            options.ToolVersion,
            options.ToolVersion,
            options.ToolInformationUri,
            rules);
        var uris = new SarifUri(outcome.Root, options.SarifRoot ?? options.VersionControl?.WorkTreeRoot);
        var locator = new SarifLocator(outcome, options, uris);
        var max = Math.Max(0, options.SarifMaxResults);
        var hosts = outcome.Agents.Where(a => a.Result.Host is not null).ToDictionary(a => a.AgentId, a => a.Result.Host, StringComparer.Ordinal);
        var kept = findings.Take(max).Select(f => Result(f, ruleIndex[f.RuleId], locator, aggregates.GetValueOrDefault(f), hosts.GetValueOrDefault(f.AgentId))).ToList();
        var omitted = findings.Count - kept.Count;
        var run = new SarifRun(
            new SarifTool(driver),
            [Invocation(outcome, findings.Count, omitted, outcome.Findings.Count - findings.Count + aggregates.Count)],
            new SarifAutomationDetails(AutomationId(outcome)),
            options.VersionControl is { } vcs ? [new SarifVersionControl(vcs.RepositoryUri, vcs.RevisionId, vcs.Branch, new SarifArtifactLocation(".", SarifUri.SourceRootId))] : null,
            new Dictionary<string, SarifArtifactLocation> { [SarifUri.SourceRootId] = new(uris.RootUri) },
            kept,
            new SarifRunProperties(outcome.RunId, outcome.PlanName, ReportText.RunStatus(outcome.Status), outcome.StopReason,
                omitted > 0 ? findings.Count : null, omitted > 0 ? omitted : null));
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static SarifRule Rule(IReadOnlyList<Finding> findings, ReportOptions options)
    {
        // Findings come worst first, so the first one gives the rule its default level and score.
        var worst = findings[0];
        var help = RuleHelp.For(worst.RuleId, findings, RuleCatalog.BuiltIn, options.DocsBaseUri);
        var tags = new List<string>();
        // GitHub shows a rule as a security alert, with its security-severity, only when it is tagged "security".
        if (help.Security) tags.Add("security");
        if (!tags.Contains(help.Category, StringComparer.Ordinal)) tags.Add(help.Category);
        return new SarifRule(
            worst.RuleId,
            RuleName(worst.RuleId),
            new SarifText(help.Title),
            new SarifText(help.Description),
            new SarifHelp(help.HelpText, help.HelpMarkdown),
            help.HelpUri,
            new SarifConfiguration(Level(worst.Severity)),
            new SarifRuleProperties(
                help.Security ? SecuritySeverity(worst.Severity) : null,
                help.Security ? null : ProblemSeverity(worst.Severity),
                tags));
    }

    private static SarifResult Result(Finding finding, int ruleIndex, SarifLocator locator, ReportAggregation.Aggregate? aggregate, string? host)
    {
        var fingerprint = RunFacts.FingerprintOf(finding);
        var (location, anchor) = locator.Locate(finding);
        return new SarifResult(
            finding.RuleId,
            ruleIndex,
            Level(finding.Severity),
            new SarifText(NonEmpty(finding.Message, NonEmpty(finding.Title, finding.RuleId))),
            [location],
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
                host,
                anchor,
                finding.Properties.Count > 0
                    ? new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal)
                    : null),
            aggregate is null ? null : aggregate.Locations.Select(l => locator.Locate(finding with { Location = l, Evidence = null }).Location).ToList());
    }

    /// <param name="aggregated">Findings that are listed as part of an aggregated result, not as results of their own.</param>
    private static SarifInvocation Invocation(RunOutcome outcome, int total, int omitted, int aggregated)
    {
        var notes = new List<SarifNotification>();
        if (aggregated > 0)
        {
            notes.Add(new SarifNotification("note", new SarifText(string.Create(CultureInfo.InvariantCulture,
                $"{aggregated:N0} findings are listed as aggregated results (\"N more of RULE\", properties.details.aggregated-count, relatedLocations: the first locations); the run has {outcome.Findings.Count:N0} findings in all."))));
        }
        if (omitted > 0)
        {
            notes.Add(new SarifNotification("warning", new SarifText(string.Create(CultureInfo.InvariantCulture,
                $"This file holds the {total - omitted:N0} worst of {total:N0} results: GitHub code scanning rejects a run with more than 25,000 results. The other {omitted:N0} are in report.md and report.json beside it."))));
        }
        return new SarifInvocation(outcome.Status == RunStatus.Completed, Utc(outcome.StartedAt), outcome.FinishedAt is { } finished ? Utc(finished) : null,
            notes.Count > 0 ? notes : null);
    }

    private static string Utc(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A rule id as a PascalCase identifier ("secrets/api-key" → "SecretsApiKey", "MUSTER-TEST-TODO" → "MusterTestTodo").</summary>
    internal static string RuleName(string ruleId)
    {
        var name = new StringBuilder(ruleId.Length);
        var words = new string(ruleId.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            // An all-capitals word ("MUSTER") is an acronym-style id part: SARIF's style wants "Muster".
            var tail = word[1..];
            name.Append(char.ToUpperInvariant(word[0])).Append(tail.Any(char.IsAsciiLetterLower) ? tail : tail.ToLowerInvariant());
        }
        return name.Length > 0 ? name.ToString() : "Rule";
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().ToLowerInvariant()) slug.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-');
        return slug.Length > 0 ? slug.ToString() : "plan";
    }

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
