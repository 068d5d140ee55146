namespace Muster.Engine.Journal;

/// <summary>A run as the journal lists it.</summary>
public sealed record RunRecord(
    string RunId,
    string PlanName,
    string PlanSource,
    string PlanText,
    string Root,
    IReadOnlyDictionary<string, string> Parameters,
    string Status,
    string? StopReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int? Pid)
{
    /// <summary>Why the run was started; runs of different purposes are never compared.</summary>
    public RunPurpose Purpose { get; init; } = RunPurpose.Run;
}
