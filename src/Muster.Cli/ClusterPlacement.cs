using Muster.Cluster;
using Muster.Cluster.Coordinator;
using Muster.Engine.Plans;

namespace Muster.Cli;

/// <summary>
/// <c>--cluster</c> for run, audit and resume. A plan that places agents (<c>on:</c>, <c>root:</c>) needs it: labels and
/// named roots exist only on workers, and running such an agent here would audit the wrong machine.
/// </summary>
internal static class ClusterPlacement
{
    public static async Task<ClusterConnection?> ConnectAsync(ClusterAddress? address, Plan? plan, CliContext cli, CancellationToken cancellationToken)
    {
        if (address is null)
        {
            if (plan?.AllAgents.FirstOrDefault(a => a.IsPlaced) is { } placed)
            {
                throw new UsageException($"agent '{placed.Id}' is placed on cluster workers ({WorkerDirectory.Describe(placed)}): " +
                                         "run with --cluster redis://HOST:PORT, or remove its 'on:'/'root:' to run it here");
            }
            return null;
        }
        var connection = await ClusterConnection.ConnectAsync(address, cli.Loggers, cancellationToken);
        try
        {
            if (plan is not null) await connection.RequirePlacementsAsync(plan, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
