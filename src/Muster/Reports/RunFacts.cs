using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports.History;
using Muster.Reports.Rules;

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
        Options = options;
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
        AllFindings = outcome.Findings;
        (Findings, _findingAggregates) = ReportAggregation.Findings(AllFindings, options.AggregateThreshold);
        (ShownGaps, _gapAggregates) = ReportAggregation.Gaps(Gaps.Gaps, options.AggregateThreshold);
        AgentsByState = Enum.GetValues<AgentState>()
            .Select(state => KeyValuePair.Create(state, Agents.Count(a => a.State == state)))
            .ToList();
        FindingsBySeverity = SeverityText.WorstFirst
            .Select(severity => KeyValuePair.Create(severity, AllFindings.Count(f => f.Severity == severity)))
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

    public ReportOptions Options { get; }

    /// <summary>Each gap against the previous run: new, persisting, and what left (fixed, suppressed, not re-checked).</summary>
    public GapStates States => _states ??= GapStates.Of(Outcome, Gaps, Options).WithAggregates(_gapAggregates.Select(a => (a.Key, a.Value.Members)));

    /// <summary>Advisory, rule documentation and file links, with paths taken from the git root when the run has one.</summary>
    public ReportLinks Links => _links ??= new ReportLinks(Options,
        new Sarif.SarifUri(Outcome.Root, Options.SarifRoot ?? Options.VersionControl?.WorkTreeRoot).AuditedPrefix);

    private GapStates? _states;
    private ReportLinks? _links;
    private Dictionary<string, RuleHelp>? _ruleHelp;
    private Dictionary<string, Finding>? _byFingerprint;

    /// <summary>The rule-level text of a rule reported in this run (SARIF's, so every report names a rule the same way).</summary>
    public RuleHelp? RuleHelp(string ruleId)
    {
        _ruleHelp ??= AllFindings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Rules.RuleHelp.For(g.Key, g.ToList(), RuleCatalog.BuiltIn, Options.DocsBaseUri), StringComparer.Ordinal);
        return _ruleHelp.GetValueOrDefault(ruleId);
    }

    /// <summary>The finding that speaks for a gap: its worst, first by location.</summary>
    public Finding? LeadFinding(Gap gap)
    {
        _byFingerprint ??= AllFindings.GroupBy(FingerprintOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return gap.Fingerprints.Select(fp => _byFingerprint.GetValueOrDefault(fp)).OfType<Finding>()
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Location?.Path ?? "\uffff", StringComparer.Ordinal).ThenBy(f => f.Location?.Line ?? 0)
            .FirstOrDefault();
    }

    public bool IsSecurity(Finding finding) => RuleCatalog.BuiltIn.IsSecurity(finding.RuleId, finding.Category, finding.Properties);

    /// <summary>Every gap: counts and gates come from here.</summary>
    public GapRegister Gaps { get; }

    /// <summary>The gaps reports list: <see cref="Gaps"/> with each rule beyond the aggregation threshold collapsed into one "N more" gap.</summary>
    public IReadOnlyList<Gap> ShownGaps { get; }

    /// <summary>The listed gaps of one priority, aggregated entries included.</summary>
    public IReadOnlyList<Gap> ShownActionItems(ActionPriority priority) => ShownGaps.Where(g => g.Priority == priority).ToList();

    /// <summary>What an aggregated listed finding stands for; null for a finding listed as itself.</summary>
    public ReportAggregation.Aggregate? AggregateOf(Finding finding) => _findingAggregates.GetValueOrDefault(finding);

    /// <summary>What an aggregated listed gap stands for; null for a gap listed as itself.</summary>
    public ReportAggregation.Aggregate? AggregateOf(Gap gap) => _gapAggregates.TryGetValue(gap, out var a) ? a.Aggregate : null;

    private readonly IReadOnlyDictionary<Finding, ReportAggregation.Aggregate> _findingAggregates;
    private readonly IReadOnlyDictionary<Gap, (ReportAggregation.Aggregate Aggregate, IReadOnlyList<Gap> Members)> _gapAggregates;

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

    /// <summary>Every deduplicated finding, worst first, as <see cref="RunOutcome.Findings"/> orders them: totals count these.</summary>
    public IReadOnlyList<Finding> AllFindings { get; }

    /// <summary>The findings reports list: <see cref="AllFindings"/> with each (agent, rule) beyond the aggregation threshold
    /// collapsed into one "N more of RULE" finding (<see cref="AggregateOf(Finding)"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>How many findings the run has (not how many are listed).</summary>
    public int FindingCount => AllFindings.Count;

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
