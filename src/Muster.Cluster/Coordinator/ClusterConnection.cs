using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Muster.Engine;
using Muster.Engine.Plans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Muster.Cluster.Coordinator;

/// <summary>
/// The coordinator's side of <c>--cluster</c>: an Orleans client of the workers' silos. It runs no agent itself; it
/// places them (<see cref="ClusterAgentExecutor"/>) and keeps the journal, gates and reports as a local run does.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost? _host;

    public ClusterConnection(IClusterClient client, IHost? host = null)
    {
        _host = host;
        Directory = new WorkerDirectory(client);
    }

    public WorkerDirectory Directory { get; }

    /// <summary>
    /// How long the client may take to find a gateway. Bad input is told apart before this (see
    /// <see cref="ClusterMembers"/>); this bound is for live workers on a loaded machine (6 s was too short at load 60).
    /// </summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);

    private static readonly string[] QuietCategories = ["Microsoft.Extensions.Hosting"];

    /// <summary>What <see cref="RunHost"/> builds each run's executor with.</summary>
    public AgentExecutorFactory Executors => run => new ClusterAgentExecutor(Directory, run);

    /// <summary>Joins <paramref name="address"/>'s cluster; a bad address, an unreachable Redis or no worker is one error within ~10 s.</summary>
    /// <exception cref="ClusterUsageException">The cluster cannot be reached or has no worker.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress address, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await ClusterRedis.RequireReachableAsync(address, cancellationToken);
        try
        {
            await ClusterMembers.RequireActiveAsync(address, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            // a slow key scan on a busy Redis: the client's bounded start below decides
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans and the host log a failed start with its stack trace; the one-line error below says it all.
        builder.Services.AddSingleton<ILoggerFactory>(new CategoryFilteredLoggerFactory(loggers, QuietCategories));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(address.RedisConfiguration));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = address.ClusterId;
                o.ServiceId = ClusterMembers.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(ClusterTuning.Messaging);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(StartBound, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(host);
            throw new ClusterUsageException($"no worker answers in cluster '{address.ClusterId}' at {address}: start 'muster worker --cluster {address}' " +
                                            "(same cluster id), then run again");
        }
        return new ClusterConnection(host.Services.GetRequiredService<IClusterClient>(), host);
    }

    /// <summary>
    /// Every agent the plan places must have a live worker now: a plan that cannot run is an error before it starts,
    /// not agents failing one by one. (Workers that leave later fail their agents with "no worker offers ...".)
    /// </summary>
    /// <exception cref="ClusterUsageException">An agent has no matching worker.</exception>
    public async Task RequirePlacementsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var workers = await Directory.ListAsync(fresh: true, cancellationToken);
        var versions = Directory.OtherVersions.Count == 0 ? "" : $"; ignored, of another Muster version: {string.Join(", ", Directory.OtherVersions)}";
        if (workers.Count == 0) throw new ClusterUsageException($"the cluster has no live worker{versions}: start 'muster worker --cluster ...' first");
        foreach (var spec in plan.AllAgents)
        {
            if (workers.Any(w => WorkerDirectory.Offers(w, spec))) continue;
            if (spec.RootName is { } root && !workers.Any(w => w.Roots.ContainsKey(root)))
            {
                throw new ClusterUsageException($"agent '{spec.Id}' names root '{root}', which no worker offers: start a worker with --root {root}=PATH, or fix the plan");
            }
            throw new ClusterUsageException($"no worker offers {WorkerDirectory.Describe(spec)} (agent '{spec.Id}'); live workers: " +
                string.Join("; ", workers.Select(w => $"{w.WorkerId} [{string.Join(",", w.Labels.Select(l => $"{l.Key}={l.Value}"))}]")) + versions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await StopQuietlyAsync(_host);
    }

    private static Task StopQuietlyAsync(IHost host) => Worker.WorkerSilo.StopWithinAsync(host, TimeSpan.FromSeconds(2));
}
