namespace Muster.Engine;

public enum WaveStatus
{
    Pending,
    Running,
    Passed,
    Failed,
    Skipped,
    Interrupted,
}

/// <summary>A wave after it ran: its agents' outcomes and its exit criteria.</summary>
public sealed record WaveOutcome
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public WaveStatus Status { get; init; } = WaveStatus.Pending;
    public IReadOnlyList<CriterionResult> Criteria { get; init; } = [];
    public bool ContinueOnFail { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
