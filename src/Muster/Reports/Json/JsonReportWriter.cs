using System.Text.Encodings.Web;
using System.Text.Json;
using Muster.Engine;
using Muster.Model;

namespace Muster.Reports.Json;

/// <summary>report.json: the whole run for machines, schema in docs/report-json.md.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    // Relaxed escaping keeps '…' and non-ASCII text readable; the file is never embedded in HTML as is.
    private static readonly JsonReportContext Context = new(new JsonSerializerOptions(JsonReportContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public ReportFormat Format => ReportFormat.Json;
    public string FileName => "report.json";
    public IReadOnlyList<string> Names { get; } = ["json"];

    public async Task WriteAsync(RunOutcome outcome, ReportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(destination, Build(outcome, options), Context.JsonReport, cancellationToken).ConfigureAwait(false);
        destination.WriteByte((byte)'\n');
    }

    internal static JsonReport Build(RunOutcome outcome, ReportOptions options)
    {
        var facts = RunFacts.Of(outcome);
        var run = new JsonRun(
            outcome.RunId,
            outcome.PlanName,
            outcome.Root,
            ReportText.RunStatus(outcome.Status),
            outcome.StopReason,
            outcome.StartedAt.UtcDateTime,
            outcome.FinishedAt?.UtcDateTime,
            facts.Duration?.TotalMilliseconds);
        return new JsonReport(
            SchemaVersion,
            new JsonTool("Muster", options.ToolVersion),
            run,
            Totals(facts),
            facts.Waves.Select(Wave).ToList(),
            facts.Agents.Select(Agent).ToList(),
            facts.Findings.Select(Finding).ToList());
    }

    private static JsonTotals Totals(RunFacts facts) => new(
        facts.Agents.Count,
        Ordered(facts.AgentsByState.Select(p => (p.Key.ToLabel(), p.Value))),
        facts.Total.Finished,
        facts.Total.Succeeded,
        facts.Total.SuccessRate,
        facts.Agents.Count(a => a.WentOverdue),
        facts.Agents.Count(a => a.Reused),
        facts.Roles.Select(Role).ToList(),
        facts.Findings.Count,
        Ordered(facts.FindingsBySeverity.Select(p => (p.Key.ToLabel(), p.Value))));

    private static JsonRolePerformance Role(RoleFacts role) => new(
        role.Role?.ToString().ToLowerInvariant() ?? "total",
        role.Count,
        role.Finished,
        role.Succeeded,
        role.SuccessRate,
        role.AverageDuration?.TotalMilliseconds,
        role.OutputBytes,
        role.TokensIn,
        role.TokensOut,
        role.CostUsd);

    private static JsonWave Wave(WaveOutcome wave) => new(
        wave.Index,
        wave.Name,
        ReportText.WaveStatus(wave.Status),
        wave.ContinueOnFail,
        wave.StartedAt?.UtcDateTime,
        wave.FinishedAt?.UtcDateTime,
        wave.Criteria.Select(c => new JsonCriterion(c.Criterion, c.Passed, c.Reason)).ToList());

    private static JsonAgent Agent(AgentOutcome agent) => new(
        agent.AgentId,
        agent.Kind,
        agent.Role.ToString().ToLowerInvariant(),
        agent.WaveIndex,
        agent.State.ToLabel(),
        agent.Attempts,
        agent.StartedAt?.UtcDateTime,
        agent.FinishedAt?.UtcDateTime,
        agent.Duration.TotalMilliseconds,
        agent.WentOverdue,
        agent.Reused,
        agent.Error,
        agent.Result.Summary,
        agent.OutputBytes,
        new SortedDictionary<string, double>(agent.Result.Metrics.ToDictionary(), StringComparer.Ordinal),
        agent.Result.Artifacts.Select(a => new JsonArtifact(a.Name, a.MediaType, a.SizeBytes)).ToList(),
        agent.Result.Findings.Count);

    private static JsonFinding Finding(Finding finding) => new(
        finding.RuleId,
        finding.Title,
        finding.Severity.ToLabel(),
        finding.Category,
        finding.Message,
        finding.Location is { } l ? new JsonLocation(l.Path, l.Line > 0 ? l.Line : null, l.Column > 0 ? l.Column : null) : null,
        finding.Evidence,
        finding.Remediation,
        finding.AgentId,
        RunFacts.FingerprintOf(finding),
        new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal));

    // The given order is the contract order (states in life-cycle order, severities worst first).
    private static OrderedDictionary<string, int> Ordered(IEnumerable<(string Key, int Value)> pairs)
    {
        var ordered = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs) ordered.Add(key, value);
        return ordered;
    }
}
