using System.Collections.Concurrent;
using Muster.Cluster.Wire;

namespace Muster.Tests.Cluster;

/// <summary>Which message of a call is lost: the request (the worker never hears it) or the reply (it acts, the caller never hears).</summary>
public enum LostMessage
{
    None,
    Request,
    Reply,
}

/// <summary>
/// The coordinator's client with a network between it and the workers that loses messages as <paramref name="rule"/> says
/// (worker id, call name, how many such calls before this one): what a gateway that dies with calls in flight does to
/// calls to healthy workers. A lost call fails as Orleans fails it, with a TimeoutException.
/// </summary>
internal sealed class LossyClusterClient(IClusterClient inner, Func<string, string, int, LostMessage> rule) : IClusterClient
{
    private readonly ConcurrentDictionary<(string Worker, string Call), int> _calls = new();

    /// <summary>How many times <paramref name="call"/> reached worker <paramref name="workerId"/>.</summary>
    public int Arrived(string workerId, string call) => _arrived.GetValueOrDefault((workerId, call));

    private readonly ConcurrentDictionary<(string Worker, string Call), int> _arrived = new();

    internal async Task<T> CallAsync<T>(string workerId, string call, Func<Task<T>> send)
    {
        var before = _calls.AddOrUpdate((workerId, call), 1, (_, n) => n + 1) - 1;
        var lost = rule(workerId, call, before);
        if (lost == LostMessage.Request) throw new TimeoutException($"test: {call} to {workerId} lost on the way");
        var reply = await send();
        _arrived.AddOrUpdate((workerId, call), 1, (_, n) => n + 1);
        return lost == LostMessage.Reply ? throw new TimeoutException($"test: the reply to {call} from {workerId} lost") : reply;
    }

    public IServiceProvider ServiceProvider => inner.ServiceProvider;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithStringKey
    {
        var grain = inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);
        return grain is IWorkerGrain worker ? (TGrainInterface)(object)new LossyWorkerGrain(primaryKey, worker, this) : grain;
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidKey =>
        inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerKey =>
        inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey => inner.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey => inner.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver =>
        inner.CreateObjectReference<TGrainObserverInterface>(obj);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver =>
        inner.DeleteObjectReference<TGrainObserverInterface>(obj);

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, string grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey, string keyExtension) => inner.GetGrain(grainInterfaceType, grainPrimaryKey, keyExtension);

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey, string keyExtension) => inner.GetGrain(grainInterfaceType, grainPrimaryKey, keyExtension);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable => inner.GetGrain<TGrainInterface>(grainId);

    public IAddressable GetGrain(GrainId grainId) => inner.GetGrain(grainId);

    public IAddressable GetGrain(GrainId grainId, GrainInterfaceType interfaceType) => inner.GetGrain(grainId, interfaceType);

    public IAddressable GetGrain(Type grainInterfaceType, IdSpan grainKey) => inner.GetGrain(grainInterfaceType, grainKey);

    public IAddressable GetGrain(Type grainInterfaceType, IdSpan grainKey, string grainClassNamePrefix) => inner.GetGrain(grainInterfaceType, grainKey, grainClassNamePrefix);

    private sealed class LossyWorkerGrain(string workerId, IWorkerGrain inner, LossyClusterClient network) : IWorkerGrain
    {
        public Task<WorkerDescription> DescribeAsync() => network.CallAsync(workerId, "describe", inner.DescribeAsync);

        public Task<AttemptRefusal?> StartAsync(AttemptRequest request) => network.CallAsync(workerId, "start", () => inner.StartAsync(request));

        public Task<AttemptStatus> PollAsync(string attemptId, TimeSpan wait) => network.CallAsync(workerId, "poll", () => inner.PollAsync(attemptId, wait));

        public Task<string> ReadFindingsAsync(string attemptId, int offset, int count) =>
            network.CallAsync(workerId, "read", () => inner.ReadFindingsAsync(attemptId, offset, count));

        public Task CancelAsync(string attemptId) => network.CallAsync(workerId, "cancel", async () =>
        {
            await inner.CancelAsync(attemptId);
            return true;
        });

        public Task ReleaseAsync(string attemptId) => network.CallAsync(workerId, "release", async () =>
        {
            await inner.ReleaseAsync(attemptId);
            return true;
        });
    }
}
