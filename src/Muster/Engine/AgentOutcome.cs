using Muster.Model;

namespace Muster.Engine;

/// <summary>How one agent of a run ended (or stands, while the run is live).</summary>
public sealed record AgentOutcome
{
    public required string AgentId { get; init; }
    public required string Kind { get; init; }
    public required AgentRole Role { get; init; }
    public required int WaveIndex { get; init; }
    public AgentState State { get; init; } = AgentState.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public TimeSpan Duration { get; init; }

    /// <summary>True when the soft timeout passed while it ran, whatever its final state.</summary>
    public bool WentOverdue { get; init; }

    /// <summary>True when the result was taken from the journal of an earlier, interrupted run.</summary>
    public bool Reused { get; init; }

    /// <summary>Exception summary (type and message, secrets scrubbed) or skip reason.</summary>
    public string? Error { get; init; }

    public AgentResult Result { get; init; } = AgentResult.Empty();

    /// <summary>Output size in bytes: summary, artifacts and findings' messages.</summary>
    public long OutputBytes =>
        System.Text.Encoding.UTF8.GetByteCount(Result.Summary)
        + Result.Artifacts.Sum(a => (long)a.SizeBytes)
        + Result.Findings.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Message));
}
