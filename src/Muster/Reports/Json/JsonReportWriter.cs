using System.Text.Encodings.Web;
using System.Text.Json;
using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports.History;

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
        var facts = RunFacts.Of(outcome, options);
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
            facts.Findings.Select(f => Finding(f, facts.AggregateOf(f))).ToList(),
            facts.Gates.Select(g => new JsonGate(g.Id, g.Name, g.Requirement, g.Status.ToKey(), g.Mode.ToKey(), g.Summary, g.Evidence)).ToList(),
            facts.ShownGaps.Select(g => Gap(g, facts.States.Of(g), facts.AggregateOf(g))).ToList(),
            new JsonActionItems(Ids(facts, ActionPriority.P0), Ids(facts, ActionPriority.P1), Ids(facts, ActionPriority.P2), Ids(facts, ActionPriority.Backlog)),
            facts.Infrastructure.Components.Select(c => new JsonInfrastructureComponent(c.AgentId, c.Name, c.Configured, c.Deployed, c.Deployed is not null, c.Gap, c.Source)).ToList(),
            facts.History.Select(p => new JsonTrendPoint(p.RunId, p.StartedAt.UtcDateTime, p.Status, Ordered(p.GapsBySeverity.Select(x => (x.Key.ToLabel(), x.Value))), p.Total)).ToList(),
            new JsonComparison(facts.States.PreviousRunId,
                facts.States.Gone.Select(g => new JsonGoneGap(g.Gap.Id, g.Gap.Title, g.Gap.Severity.ToLabel(), g.State.ToKey())).ToList()),
            options.Suppressed.Select(s => new JsonSuppressed(s.Finding.RuleId, s.Finding.Title, s.Finding.Severity.ToLabel(), s.Finding.Category,
                s.Finding.Location is { } l ? Location(l) : null, s.Finding.AgentId, RunFacts.FingerprintOf(s.Finding), s.Reason, s.Source, s.Entry)).ToList(),
            options.SuppressionNotes);
    }

    private static List<string> Ids(RunFacts facts, ActionPriority priority) => facts.ShownActionItems(priority).Select(g => g.Id).ToList();

    private static JsonAggregate? Aggregate(ReportAggregation.Aggregate? aggregate) =>
        aggregate is null ? null : new JsonAggregate(aggregate.RuleId, aggregate.Count, aggregate.Locations.Select(Location).ToList());

    private static JsonGap Gap(Gap gap, GapState state, ReportAggregation.Aggregate? aggregate) => new(
        gap.Id,
        gap.Key,
        gap.Title,
        gap.Action,
        gap.Severity.ToLabel(),
        gap.Priority.Label(),
        gap.Category,
        gap.Owner,
        gap.OwnerSource,
        gap.Effort,
        gap.Impact,
        gap.Locations.Select(Location).ToList(),
        gap.RuleIds,
        gap.Fingerprints,
        state.ToKey(),
        Aggregate(aggregate));

    private static JsonLocation Location(SourceLocation l) => new(l.Path, l.Line > 0 ? l.Line : null, l.Column > 0 ? l.Column : null);

    private static JsonTotals Totals(RunFacts facts) => new(
        facts.Agents.Count,
        Ordered(facts.AgentsByState.Select(p => (p.Key.ToLabel(), p.Value))),
        facts.Total.Finished,
        facts.Total.Succeeded,
        facts.Total.SuccessRate,
        facts.Agents.Count(a => a.WentOverdue),
        facts.Agents.Count(a => a.Reused),
        facts.Roles.Select(Role).ToList(),
        facts.FindingCount,
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
        agent.Result.Host,
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

    private static JsonFinding Finding(Finding finding, ReportAggregation.Aggregate? aggregate) => new(
        finding.RuleId,
        finding.Title,
        finding.Severity.ToLabel(),
        finding.Category,
        finding.Message,
        finding.Location is { } l ? Location(l) : null,
        finding.Evidence,
        finding.Remediation,
        finding.AgentId,
        RunFacts.FingerprintOf(finding),
        new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal),
        Aggregate(aggregate));

    // The given order is the contract order (states in life-cycle order, severities worst first).
    private static OrderedDictionary<string, int> Ordered(IEnumerable<(string Key, int Value)> pairs)
    {
        var ordered = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs) ordered.Add(key, value);
        return ordered;
    }
}
