using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;

namespace Muster.Reports;

/// <summary>Figures every report shows, computed once and the same way for each format.</summary>
internal sealed class RunFacts
{
    public const string TokensInMetric = "tokens_in";
    public const string TokensOutMetric = "tokens_out";
    public const string CostMetric = "cost_usd";

    private RunFacts(RunOutcome outcome, ReportOptions options)
    {
        Outcome = outcome;
        Gaps = options.Gaps ?? GapRegister.Build(outcome);
        Gates = options.Gates ?? GateEvaluator.Evaluate(outcome, Gaps, GateSettings.Default);
        var point = RunHistory.PointOf(outcome, Gaps);
        History = options.History.Any(p => p.RunId == outcome.RunId)
            ? options.History.Select(p => p.RunId == outcome.RunId ? point : p).ToList()
            : [.. options.History, point];
        Infrastructure = InfrastructureTable.Of(outcome);
        Agents = outcome.Agents
            .OrderBy(a => a.WaveIndex)
            .ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .ToList();
        Waves = outcome.Waves.OrderBy(w => w.Index).ToList();
        Findings = outcome.Findings;
        AgentsByState = Enum.GetValues<AgentState>()
            .Select(state => KeyValuePair.Create(state, Agents.Count(a => a.State == state)))
            .ToList();
        FindingsBySeverity = SeverityText.WorstFirst
            .Select(severity => KeyValuePair.Create(severity, Findings.Count(f => f.Severity == severity)))
            .ToList();
        Roles = Enum.GetValues<AgentRole>()
            .Select(role => RoleFacts.Of(role, Agents.Where(a => a.Role == role).ToList()))
            .Where(r => r.Count > 0)
            .ToList();
        Total = RoleFacts.Of(null, Agents);
        HasTokenMetrics = Agents.Any(a =>
            a.Result.Metrics.ContainsKey(TokensInMetric)
            || a.Result.Metrics.ContainsKey(TokensOutMetric)
            || a.Result.Metrics.ContainsKey(CostMetric));
    }

    public RunOutcome Outcome { get; }

    public GapRegister Gaps { get; }

    public IReadOnlyList<GateResult> Gates { get; }

    /// <summary>Gap totals of earlier runs and this one, oldest first.</summary>
    public IReadOnlyList<RunTrendPoint> History { get; }

    public InfrastructureTable Infrastructure { get; }

    /// <summary>Every artifact with the agent that produced it, by wave, agent and name: the run's "files created".</summary>
    public IEnumerable<(AgentOutcome Agent, Model.Artifact Artifact)> Artifacts =>
        Agents.SelectMany(a => a.Result.Artifacts.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => (a, x)));

    /// <summary>Agents by wave, then id (ordinal).</summary>
    public IReadOnlyList<AgentOutcome> Agents { get; }

    public IReadOnlyList<WaveOutcome> Waves { get; }

    /// <summary>Deduplicated findings, worst first, as <see cref="RunOutcome.Findings"/> orders them.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every state in life-cycle order with its agent count (zero included).</summary>
    public IReadOnlyList<KeyValuePair<AgentState, int>> AgentsByState { get; }

    /// <summary>Every severity, worst first, with its finding count (zero included).</summary>
    public IReadOnlyList<KeyValuePair<Severity, int>> FindingsBySeverity { get; }

    /// <summary>Per-role figures (the seed's "Agent Performance" table), roles without agents left out.</summary>
    public IReadOnlyList<RoleFacts> Roles { get; }

    public RoleFacts Total { get; }

    /// <summary>True when any agent reported tokens or cost, so the reports add those columns.</summary>
    public bool HasTokenMetrics { get; }

    /// <summary>Agents whose checks did not complete: their part of the audit is unverified.</summary>
    public IReadOnlyList<AgentOutcome> Unverified =>
        Agents.Where(a => a.State != AgentState.Succeeded).ToList();

    /// <summary>Wall time of the run; null while it has not finished.</summary>
    public TimeSpan? Duration =>
        Outcome.FinishedAt is { } finished ? finished - Outcome.StartedAt : null;

    public static RunFacts Of(RunOutcome outcome) => new(outcome, ReportOptions.Default);

    public static RunFacts Of(RunOutcome outcome, ReportOptions options) => new(outcome, options);

    /// <summary>
    /// A finding's fingerprint, or when the agent set none, one computed from rule, location and message (the key
    /// <see cref="RunOutcome.Findings"/> deduplicates on), so that every reported finding has a stable identity.
    /// </summary>
    public static string FingerprintOf(Finding finding) => GapRegister.FingerprintOf(finding);
}
