using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Muster.Cluster.Worker;

/// <summary>A worker grain lives on the silo whose name is its key: the worker it stands for, and no other.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class WorkerPlacement : PlacementStrategy
{
    public static WorkerPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkerPlacementAttribute() : PlacementAttribute(WorkerPlacement.Instance);

/// <summary>
/// Places on the active silo named by the key. A gone worker is not placed elsewhere: the call fails, which the
/// coordinator reads as "worker lost".
/// </summary>
internal sealed class WorkerPlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var workerId = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        var silo = membership.CurrentSnapshot.Members.Values
            .FirstOrDefault(m => m.Status == SiloStatus.Active && m.Name == workerId && compatible.Contains(m.SiloAddress));
        return silo is null
            ? throw new SiloUnavailableException($"worker {workerId} is not an active member of the cluster")
            : Task.FromResult(silo.SiloAddress);
    }
}
