using Muster.Engine;
using Muster.Gaps;
using Muster.Model;

namespace Muster.Reports.History;

/// <summary>
/// Each gap's state against the previous run (<see cref="ReportOptions.PreviousOutcome"/>), matched by gap key as
/// <c>muster diff</c> does. A gap that disappeared counts as fixed only when every agent that reported it succeeded
/// in this run; otherwise nothing re-checked it and it is <see cref="GapState.Unverified"/>.
/// </summary>
internal sealed class GapStates
{
    private readonly Dictionary<string, GapState> _current;
    private readonly Dictionary<string, GapState> _aggregated = new(StringComparer.Ordinal);

    private GapStates(string? previousRunId, Dictionary<string, GapState> current, IReadOnlyList<(Gap Gap, GapState State)> gone)
    {
        PreviousRunId = previousRunId;
        _current = current;
        Gone = gone;
    }

    /// <summary>The run compared with; null on a first run, when every gap is new.</summary>
    public string? PreviousRunId { get; }

    /// <summary>Gaps of the previous run that are not in this one, with why (fixed, suppressed, unverified).</summary>
    public IReadOnlyList<(Gap Gap, GapState State)> Gone { get; }

    public GapState Of(Gap gap) => _current.TryGetValue(gap.Key, out var state) ? state : _aggregated.GetValueOrDefault(gap.Key, GapState.New);

    /// <summary>Gives each aggregated gap ("N more gaps of RULE") a state from its members: new when any of them is new.</summary>
    public GapStates WithAggregates(IEnumerable<(Gap Aggregated, IReadOnlyList<Gap> Members)> aggregates)
    {
        foreach (var (aggregated, members) in aggregates)
        {
            _aggregated[aggregated.Key] = members.Any(m => Of(m) == GapState.New) ? GapState.New : GapState.Persisting;
        }
        return this;
    }

    public int Count(GapState state) => state is GapState.New or GapState.Persisting
        ? _current.Values.Count(s => s == state)
        : Gone.Count(g => g.State == state);

    public static GapStates Of(RunOutcome outcome, GapRegister gaps, ReportOptions options)
    {
        if (options.PreviousOutcome is not { } previous || previous.RunId == outcome.RunId)
        {
            return new GapStates(null, gaps.Gaps.ToDictionary(g => g.Key, _ => GapState.New, StringComparer.Ordinal), []);
        }
        var before = GapRegister.Build(previous.Findings, OwnerResolver.Defaults);
        var beforeKeys = before.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var nowKeys = gaps.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var current = gaps.Gaps.ToDictionary(g => g.Key, g => beforeKeys.Contains(g.Key) ? GapState.Persisting : GapState.New, StringComparer.Ordinal);
        var agentsByFingerprint = previous.Findings
            .GroupBy(GapRegister.FingerprintOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.AgentId).Distinct().ToList(), StringComparer.Ordinal);
        var succeeded = outcome.Agents.Where(a => a.State == AgentState.Succeeded).Select(a => a.AgentId).ToHashSet(StringComparer.Ordinal);
        var gone = before.Gaps
            .Where(g => !nowKeys.Contains(g.Key))
            .Select(g => (g, GoneState(g, options.SuppressedFingerprints, agentsByFingerprint, succeeded)))
            .ToList();
        return new GapStates(previous.RunId, current, gone);
    }

    private static GapState GoneState(Gap gap, IReadOnlySet<string> suppressed, Dictionary<string, List<string>> agentsByFingerprint, HashSet<string> succeeded)
    {
        if (gap.Fingerprints.Count > 0 && gap.Fingerprints.All(suppressed.Contains)) return GapState.Suppressed;
        var agents = gap.Fingerprints.SelectMany(fp => agentsByFingerprint.GetValueOrDefault(fp) ?? []).Distinct().ToList();
        return agents.Count > 0 && agents.All(succeeded.Contains) ? GapState.Fixed : GapState.Unverified;
    }
}
