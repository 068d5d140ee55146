namespace Muster.Agents.InfraState.Probes;

/// <summary>
/// One container as the engine reports it. <see cref="Health"/> is null when the container has no healthcheck
/// (the engine's null and podman's empty string alike).
/// </summary>
public sealed record ContainerObservation
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Image { get; init; } = "";

    /// <summary>created, running, paused, restarting, removing, exited or dead.</summary>
    public required string State { get; init; }

    public long? ExitCode { get; init; }
    public long RestartCount { get; init; }

    /// <summary>healthy, unhealthy or starting; null without a healthcheck.</summary>
    public string? Health { get; init; }

    public string? ComposeProject { get; init; }
    public string? ComposeService { get; init; }

    public bool IsRunning => State == "running";
    public bool IsHealthyOrUnchecked => Health is null or "healthy";
}
