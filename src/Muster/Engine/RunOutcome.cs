using Muster.Model;

namespace Muster.Engine;

/// <summary>Everything a run produced: the input of every report.</summary>
public sealed record RunOutcome
{
    public required string RunId { get; init; }
    public required string PlanName { get; init; }
    public required string Root { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>Why the run stopped early (the failed criterion), when it did.</summary>
    public string? StopReason { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<WaveOutcome> Waves { get; init; } = [];
    public IReadOnlyList<AgentOutcome> Agents { get; init; } = [];

    /// <summary>Findings of every agent, deduplicated by fingerprint, worst first. Computed once per <see cref="Agents"/> list.</summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            var cache = _findings;
            if (cache is not null && ReferenceEquals(cache.Source, Agents)) return cache.Result;
            var result = Agents.SelectMany(a => a.Result.Findings)
                .DistinctBy(f => f.Fingerprint.Length > 0 ? f.Fingerprint : f.RuleId + "|" + f.Location + "|" + f.Message)
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => f.Location?.Path ?? "", StringComparer.Ordinal)
                .ThenBy(f => f.Location?.Line ?? 0)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ToList();
            _findings = new FindingsCache(Agents, result);
            return result;
        }
    }

    // A `with` copy carries the cache along, so it is keyed on the Agents list it was computed from. One reference,
    // replaced whole, so concurrent readers never see a torn pair.
    private FindingsCache? _findings;

    private sealed record FindingsCache(IReadOnlyList<AgentOutcome> Source, IReadOnlyList<Finding> Result);
}
