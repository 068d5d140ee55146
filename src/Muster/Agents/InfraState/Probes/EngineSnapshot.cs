namespace Muster.Agents.InfraState.Probes;

/// <summary>What the container-engine probe saw, or why it could not see anything.</summary>
public sealed record EngineSnapshot
{
    public required bool Reachable { get; init; }

    /// <summary>The endpoint that answered, or the ones tried when none did.</summary>
    public required string Endpoint { get; init; }

    public string? ApiVersion { get; init; }
    public string? EngineVersion { get; init; }
    public IReadOnlyList<ContainerObservation> Containers { get; init; } = [];

    /// <summary>Why the engine could not be read (each endpoint tried and its error).</summary>
    public string? Error { get; init; }

    public TimeSpan PingTime { get; init; }
    public TimeSpan ListTime { get; init; }
    public TimeSpan InspectTime { get; init; }

    public static EngineSnapshot Unreachable(string endpoints, string error, TimeSpan pingTime) =>
        new() { Reachable = false, Endpoint = endpoints, Error = error, PingTime = pingTime };
}
