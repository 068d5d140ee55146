using System.Text.Json.Serialization;

namespace Muster.Reports.Json;

// The report.json contract (docs/report-json.md). Field order here is the order in the file; change the
// documentation and bump SchemaVersion when a field changes meaning or disappears.

internal sealed record JsonReport(
    int SchemaVersion,
    JsonTool Tool,
    JsonRun Run,
    JsonTotals Totals,
    IReadOnlyList<JsonWave> Waves,
    IReadOnlyList<JsonAgent> Agents,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonGate> Gates,
    IReadOnlyList<JsonGap> Gaps,
    JsonActionItems ActionItems,
    IReadOnlyList<JsonInfrastructureComponent> Infrastructure,
    IReadOnlyList<JsonTrendPoint> Trend,
    JsonComparison Comparison,
    IReadOnlyList<JsonSuppressed> Suppressed,
    IReadOnlyList<string> SuppressionNotes);

/// <summary>A finding a committed file suppressed (additive in schema 1): what it was, which entry hid it and why.</summary>
internal sealed record JsonSuppressed(
    string RuleId,
    string Title,
    string Severity,
    string Category,
    JsonLocation? Location,
    string AgentId,
    string Fingerprint,
    string Reason,
    string Source,
    string Entry);

internal sealed record JsonComparison(string? PreviousRunId, IReadOnlyList<JsonGoneGap> Gone);

internal sealed record JsonGoneGap(string Id, string Title, string Severity, string State);

internal sealed record JsonGate(string Id, string Name, string Requirement, string Status, string Mode, string Summary, IReadOnlyList<string> Evidence);

internal sealed record JsonGap(
    string Id,
    string Key,
    string Title,
    string Action,
    string Severity,
    string Priority,
    string Category,
    string Owner,
    string OwnerSource,
    string Effort,
    string Impact,
    IReadOnlyList<JsonLocation> Locations,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<string> Fingerprints,
    string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonAggregate? Aggregate = null);

internal sealed record JsonActionItems(
    IReadOnlyList<string> P0,
    IReadOnlyList<string> P1,
    IReadOnlyList<string> P2,
    IReadOnlyList<string> Backlog);

internal sealed record JsonInfrastructureComponent(string AgentId, string Name, int? Configured, int? Deployed, bool Verified, double? Gap, string? Source);

internal sealed record JsonTrendPoint(string RunId, DateTime StartedAt, string Status, IReadOnlyDictionary<string, int> GapsBySeverity, int Gaps);

internal sealed record JsonTool(string Name, string Version);

internal sealed record JsonRun(
    string Id,
    string PlanName,
    string Root,
    string Status,
    string? StopReason,
    DateTime StartedAt,
    DateTime? FinishedAt,
    double? DurationMs);

internal sealed record JsonTotals(
    int Agents,
    IReadOnlyDictionary<string, int> AgentsByState,
    int AgentsFinished,
    int AgentsSucceeded,
    double? SuccessRate,
    int AgentsWentOverdue,
    int AgentsReused,
    IReadOnlyList<JsonRolePerformance> ByRole,
    int Findings,
    IReadOnlyDictionary<string, int> FindingsBySeverity);

internal sealed record JsonRolePerformance(
    string Role,
    int Count,
    int Finished,
    int Succeeded,
    double? SuccessRate,
    double? AverageDurationMs,
    long OutputBytes,
    double? TokensIn,
    double? TokensOut,
    double? CostUsd);

internal sealed record JsonWave(
    int Index,
    string Name,
    string Status,
    bool ContinueOnFail,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    IReadOnlyList<JsonCriterion> Criteria);

internal sealed record JsonCriterion(string Criterion, bool Passed, string Reason);

internal sealed record JsonAgent(
    string Id,
    string Kind,
    string Role,
    int WaveIndex,
    string State,
    string? Host,
    int Attempts,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    double DurationMs,
    bool WentOverdue,
    bool Reused,
    string? Error,
    string Summary,
    long OutputBytes,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<JsonArtifact> Artifacts,
    int FindingCount);

internal sealed record JsonArtifact(string Name, string MediaType, int SizeBytes);

internal sealed record JsonFinding(
    string RuleId,
    string Title,
    string Severity,
    string Category,
    string Message,
    JsonLocation? Location,
    string? Evidence,
    string? Remediation,
    string AgentId,
    string Fingerprint,
    IReadOnlyDictionary<string, string> Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonAggregate? Aggregate = null);

/// <summary>On an aggregated entry ("N more of RULE") only: how many findings or gaps it stands for and where the first are.</summary>
internal sealed record JsonAggregate(string RuleId, int Count, IReadOnlyList<JsonLocation> Locations);

internal sealed record JsonLocation(string Path, int? Line, int? Column);
