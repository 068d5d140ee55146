using System.Collections.Concurrent;
using Muster.Cluster.Wire;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Cluster.Coordinator;

/// <summary>
/// The live workers as the coordinator sees them: the cluster's active members, each asked what it offers. A worker
/// that failed a call and does not answer when asked again is lost for good (a restarted worker joins under a new id);
/// the pick is the least loaded match.
/// </summary>
public sealed class WorkerDirectory(IClusterClient client, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string> _lost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyList<WorkerDescription> _workers = [];
    private IReadOnlyList<string> _otherVersions = [];
    private long _refreshedAt = long.MinValue;

    public IWorkerGrain Worker(string workerId) => client.GetGrain<IWorkerGrain>(workerId);

    /// <summary>Workers of another Muster version seen at the last refresh ("id (version)"): never placed on.</summary>
    public IReadOnlyList<string> OtherVersions => _otherVersions;

    /// <summary>
    /// The live workers. A list older than <see cref="ClusterTuning.DirectoryFreshness"/> is served while a refresh runs
    /// behind it: a member that died without being declared dead yet costs that refresh a call timeout, not each pick.
    /// </summary>
    public async Task<IReadOnlyList<WorkerDescription>> ListAsync(bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (fresh || _refreshedAt == long.MinValue) await RefreshAsync(cancellationToken);
        else if (_time.GetElapsedTime(_refreshedAt) >= ClusterTuning.DirectoryFreshness && _refreshing.CurrentCount > 0) _ = RefreshQuietlyAsync();
        return Live();
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // the next pick tries again; meanwhile the last list (less the lost workers) stands
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var members = await client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true).WaitAsync(ClusterTuning.CallTimeout, cancellationToken);
            // A member that described itself before and is still active keeps that description when this call fails:
            // one lost message (through a gateway that just died) must not make a live worker vanish from the picks.
            var previous = _workers.ToDictionary(w => w.WorkerId, StringComparer.Ordinal);
            var described = await Task.WhenAll(members.Select(m => m.SiloName).Where(id => !_lost.ContainsKey(id))
                .Select(async id => await DescribeOrNullAsync(id) ?? previous.GetValueOrDefault(id)));
            var all = described.OfType<WorkerDescription>().ToList();
            _otherVersions = all.Where(w => w.Version != MusterVersion.Current).Select(w => $"{w.WorkerId} ({w.Version})").ToList();
            _workers = all.Where(w => w.Version == MusterVersion.Current).OrderBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
            _refreshedAt = _time.GetTimestamp();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private IReadOnlyList<WorkerDescription> Live() => _workers.Where(w => !_lost.ContainsKey(w.WorkerId)).ToList();

    private async Task<WorkerDescription?> DescribeOrNullAsync(string workerId)
    {
        try
        {
            return await Worker(workerId).DescribeAsync().WaitAsync(ClusterTuning.CallTimeout);
        }
        catch (Exception)
        {
            return null; // going, or not a worker: not offered
        }
    }

    /// <summary>
    /// Whether a worker whose call just failed is still there: it answers a call now. A call can fail while its worker
    /// is fine (it went through a gateway that died); only a worker that does not answer is lost. A killed worker's call
    /// fails as soon as its silo refuses the connection, well within the call bound.
    /// </summary>
    public async Task<bool> AnswersAsync(string workerId) => !_lost.ContainsKey(workerId) && await DescribeOrNullAsync(workerId) is not null;

    /// <summary>A worker that failed a call and did not answer after: never picked again by this coordinator.</summary>
    public void MarkLost(string workerId, string why) => _lost.TryAdd(workerId, why);

    public bool IsLost(string workerId) => _lost.ContainsKey(workerId);

    /// <summary>The least loaded live worker that can run <paramref name="spec"/>, not in <paramref name="excluded"/>; null: none.</summary>
    public WorkerDescription? Pick(IReadOnlyList<WorkerDescription> workers, AgentSpec spec, IReadOnlySet<string> excluded) =>
        workers.Where(w => !excluded.Contains(w.WorkerId) && !_lost.ContainsKey(w.WorkerId) && !w.Draining && Offers(w, spec))
            .OrderBy(w => _inFlight.GetValueOrDefault(w.WorkerId))
            .ThenBy(w => w.Running)
            .ThenBy(_ => Random.Shared.Next())
            .FirstOrDefault();

    public static bool Offers(WorkerDescription worker, AgentSpec spec) =>
        worker.Kinds.Contains(spec.Kind, StringComparer.Ordinal)
        && spec.On.All(label => worker.Labels.TryGetValue(label.Key, out var value) && value == label.Value)
        && (spec.RootName is null || worker.Roots.ContainsKey(spec.RootName));

    /// <summary>"host=vps1, root workspace": what <paramref name="spec"/> asks of a worker, for errors.</summary>
    public static string Describe(AgentSpec spec)
    {
        var parts = spec.On.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}").ToList();
        if (spec.RootName is { } root) parts.Add($"root {root}");
        return parts.Count == 0 ? $"kind {spec.Kind}" : string.Join(", ", parts);
    }

    /// <summary>Counts an attempt against its worker while it runs, for the least-loaded pick.</summary>
    public IDisposable Track(string workerId)
    {
        _inFlight.AddOrUpdate(workerId, 1, (_, n) => n + 1);
        return new Untrack(this, workerId);
    }

    private sealed class Untrack(WorkerDirectory directory, string workerId) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) directory._inFlight.AddOrUpdate(workerId, 0, (_, n) => n - 1);
        }
    }
}
