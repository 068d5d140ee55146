using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Muster.Agents;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Muster.Cluster.Worker;

/// <summary>The services every worker silo needs, for <c>muster worker</c> and for tests' in-process clusters alike.</summary>
public static class WorkerSilo
{
    public static ISiloBuilder AddMusterWorker(this ISiloBuilder silo, WorkerSettings settings, AgentRegistry registry, ISecretScrubber scrubber)
    {
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(registry);
        silo.Services.AddSingleton(scrubber);
        silo.Services.AddSingleton<WorkerRuntime>();
        silo.Services.AddPlacementDirector<WorkerPlacement, WorkerPlacementDirector>();
        silo.Configure<ClusterMembershipOptions>(ClusterTuning.Membership);
        return silo;
    }

    /// <summary>A silo joining <paramref name="address"/>'s cluster through Redis, on free ports of <paramref name="advertise"/>.</summary>
    public static IHost Build(ClusterAddress address, string workerId, IPAddress advertise, WorkerSettings settings, AgentRegistry registry,
        ISecretScrubber scrubber, ILoggerFactory loggers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggers);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownBound);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(address.RedisConfiguration));
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = address.ClusterId;
                o.ServiceId = ClusterMembers.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = workerId);
            silo.ConfigureEndpoints(advertise, FreePort(advertise), FreePort(advertise), listenOnAnyHostAddress: !IPAddress.IsLoopback(advertise));
            silo.Configure<SiloMessagingOptions>(ClusterTuning.Messaging);
            silo.AddMusterWorker(settings, registry, scrubber);
        });
        return builder.Build();
    }

    /// <summary>How long a stopping silo may take to leave the cluster: a Redis already gone must not hold it for a minute.</summary>
    public static TimeSpan ShutdownBound { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stops <paramref name="host"/> and disposes it, or gives up after <paramref name="bound"/>: Orleans' own stop
    /// ignores its token while it waits on a membership table that is gone (measured: over 90 s with Redis killed).
    /// </summary>
    public static async Task<bool> StopWithinAsync(IHost host, TimeSpan bound)
    {
        using var cancel = new CancellationTokenSource(bound);
        var stopping = Task.Run(async () =>
        {
            await host.StopAsync(cancel.Token);
            host.Dispose();
        });
        if (await Task.WhenAny(stopping, Task.Delay(bound + TimeSpan.FromSeconds(1))) == stopping && stopping.IsCompletedSuccessfully) return true;
        _ = stopping.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        return false;
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
