namespace Muster.Cluster.Wire;

/// <summary>What a worker offers, as <c>muster workers</c> lists it and the coordinator places by.</summary>
[GenerateSerializer, Immutable]
public sealed class WorkerDescription
{
    /// <summary>Unique per worker process (its silo name).</summary>
    [Id(0)] public required string WorkerId { get; init; }

    /// <summary>What results record as their host: the worker's <c>host</c> label, else its machine name.</summary>
    [Id(1)] public required string Host { get; init; }
    [Id(2)] public required Dictionary<string, string> Labels { get; init; }
    [Id(3)] public required string[] Kinds { get; init; }

    /// <summary>Root name → folder on the worker.</summary>
    [Id(4)] public required Dictionary<string, string> Roots { get; init; }
    [Id(5)] public int Running { get; init; }
    [Id(6)] public DateTimeOffset Heartbeat { get; init; }
    [Id(7)] public required string Version { get; init; }

    /// <summary>Stopping (SIGTERM): it finishes what it runs and takes nothing new.</summary>
    [Id(8)] public bool Draining { get; init; }
}
