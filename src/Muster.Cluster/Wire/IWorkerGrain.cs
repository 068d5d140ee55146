using Muster.Cluster.Worker;

namespace Muster.Cluster.Wire;

/// <summary>
/// One worker, keyed by its id and pinned to its silo (<see cref="WorkerPlacementAttribute"/>). Calls are short:
/// an attempt is started, then polled, so no call outlives the response timeout whatever the agent's timeouts, and a
/// dead worker is noticed within one poll. Agent failures are data in <see cref="AttemptStatus"/>; an exception from a
/// call always means the worker could not be reached.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    Task<WorkerDescription> DescribeAsync();

    /// <summary>Starts the attempt and returns at once: null, or why this worker cannot run it.</summary>
    Task<string?> StartAsync(AttemptRequest request);

    /// <summary>Waits up to <paramref name="wait"/> for the attempt to finish, then says where it is.</summary>
    Task<AttemptStatus> PollAsync(string attemptId, TimeSpan wait);

    /// <summary>Findings <paramref name="offset"/>.. of a succeeded attempt, as a JSON array (<see cref="WireJson"/>).</summary>
    Task<string> ReadFindingsAsync(string attemptId, int offset, int count);

    Task CancelAsync(string attemptId);

    /// <summary>The coordinator is done with the attempt: the worker cancels it if it still runs, and forgets it.</summary>
    Task ReleaseAsync(string attemptId);
}
