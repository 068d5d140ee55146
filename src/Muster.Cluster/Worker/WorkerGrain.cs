using Muster.Cluster.Wire;
using Orleans.Concurrency;

namespace Muster.Cluster.Worker;

/// <summary>The wire face of <see cref="WorkerRuntime"/>. Reentrant: polls of several attempts wait side by side.</summary>
[WorkerPlacement]
[Reentrant]
internal sealed class WorkerGrain(WorkerRuntime runtime) : Grain, IWorkerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetPrimaryKeyString() == runtime.WorkerId
            ? Task.CompletedTask
            : throw new SiloUnavailableException($"worker {this.GetPrimaryKeyString()} is not this silo ({runtime.WorkerId})");

    public Task<WorkerDescription> DescribeAsync() => Task.FromResult(runtime.Describe());

    public Task<string?> StartAsync(AttemptRequest request) => Task.FromResult(runtime.Start(request));

    public Task<AttemptStatus> PollAsync(string attemptId, TimeSpan wait) =>
        runtime.PollAsync(attemptId, wait < TimeSpan.FromSeconds(5) ? wait : TimeSpan.FromSeconds(5));

    public Task<string> ReadFindingsAsync(string attemptId, int offset, int count) =>
        Task.FromResult(runtime.ReadFindings(attemptId, offset, Math.Clamp(count, 1, 5_000)));

    public Task CancelAsync(string attemptId)
    {
        runtime.Cancel(attemptId);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string attemptId)
    {
        runtime.Release(attemptId);
        return Task.CompletedTask;
    }
}
