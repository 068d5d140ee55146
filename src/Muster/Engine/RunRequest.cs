namespace Muster.Engine;

/// <summary>One run to perform (new or resumed).</summary>
public sealed record RunRequest
{
    public required string RunId { get; init; }

    /// <summary>Full path of the audited root.</summary>
    public required string Root { get; init; }

    public IReadOnlyDictionary<string, string> RunParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Outcomes kept from an interrupted run of the same id: succeeded agents are not run again.</summary>
    public IReadOnlyDictionary<string, AgentOutcome> Finished { get; init; } = new Dictionary<string, AgentOutcome>();

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Recorded in the journal when the run is new; a resumed run keeps the purpose it was started with.</summary>
    public RunPurpose Purpose { get; init; } = RunPurpose.Run;

    /// <summary>The run's state folder (journal, reports), when it has one; agents keep run-scoped files there, not under the root.</summary>
    public string? StateDirectory { get; init; }
}
