namespace Muster.Cluster.Wire;

public enum AttemptPhase
{
    Running,
    Succeeded,
    Failed,
    TransientFailure,
    Skipped,
    Cancelled,

    /// <summary>The worker does not know the attempt: it restarted, or the attempt was never started there.</summary>
    Unknown,
}

/// <summary>Where an attempt is. A finished one carries its result without findings; those are read in pages.</summary>
[GenerateSerializer, Immutable]
public sealed class AttemptStatus
{
    [Id(0)] public required AttemptPhase Phase { get; init; }

    /// <summary>The agent's latest progress note, if it said one since the last poll.</summary>
    [Id(1)] public string? Progress { get; init; }

    /// <summary>Succeeded: summary, metrics and artifacts (<see cref="WireJson.WriteResultHead"/>), already scrubbed on the worker.</summary>
    [Id(2)] public string? ResultJson { get; init; }
    [Id(3)] public int FindingCount { get; init; }

    /// <summary>Failed, transient or skipped: the agent's error, scrubbed.</summary>
    [Id(4)] public string? Error { get; init; }

    public static AttemptStatus Unknown { get; } = new() { Phase = AttemptPhase.Unknown };
}
