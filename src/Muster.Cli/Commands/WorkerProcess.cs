using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Muster.Cluster;
using Muster.Cluster.Worker;

namespace Muster.Cli.Commands;

/// <summary>One <c>muster worker</c>: joins, says it is ready, and on SIGTERM finishes its agents (bounded) before leaving.</summary>
internal sealed class WorkerProcess(CliContext cli, ClusterAddress address, string workerId, IPAddress advertise, WorkerSettings settings)
{
    /// <summary>How long a stopping worker lets its running agents finish before it leaves anyway.</summary>
    public static TimeSpan DrainBound { get; } = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken stop)
    {
        using var host = WorkerSilo.Build(address, workerId, advertise, settings, cli.Registry, cli.Scrubber, cli.Loggers);
        try
        {
            using var joinBound = CancellationTokenSource.CreateLinkedTokenSource(stop);
            joinBound.CancelAfter(TimeSpan.FromSeconds(30));
            await host.StartAsync(joinBound.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            throw new ClusterUsageException($"worker {workerId} could not join cluster '{address.ClusterId}' at {address}: {e.Message.ReplaceLineEndings(" ")}");
        }
        var labels = string.Join(",", settings.Labels.Select(l => $"{l.Key}={l.Value}"));
        var roots = string.Join(" ", settings.Roots.Select(r => $"{r.Key}={r.Value}"));
        await cli.Error.WriteLineAsync($"worker {workerId} ready in cluster '{address.ClusterId}' at {address} (listening on {advertise}): " +
                                       $"labels {(labels.Length == 0 ? "none" : labels)}; roots {(roots.Length == 0 ? "none" : roots)}; {cli.Registry.Kinds.Count()} agent kinds");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        var runtime = host.Services.GetRequiredService<WorkerRuntime>();
        var running = runtime.Running;
        await cli.Error.WriteLineAsync($"worker {workerId} stopping: takes no new agent; {running} running agent(s) get up to {(int)DrainBound.TotalSeconds}s to finish");
        using (var drainBound = new CancellationTokenSource(DrainBound)) await runtime.DrainAsync(drainBound.Token);
        using (var leaveBound = new CancellationTokenSource(WorkerSilo.ShutdownBound))
        {
            try
            {
                await host.StopAsync(leaveBound.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                // Redis or the other silos are gone: leave without telling them
            }
        }
        await cli.Error.WriteLineAsync($"worker {workerId} left the cluster");
        return ExitCodes.Passed;
    }
}
