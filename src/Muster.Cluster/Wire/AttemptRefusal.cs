namespace Muster.Cluster.Wire;

/// <summary>Why a worker did not start an attempt.</summary>
[GenerateSerializer, Immutable]
public sealed class AttemptRefusal
{
    [Id(0)] public required string Reason { get; init; }

    /// <summary>The worker is stopping: another matching worker should run it. False: the attempt itself cannot run there.</summary>
    [Id(1)] public bool TryAnother { get; init; }
}
