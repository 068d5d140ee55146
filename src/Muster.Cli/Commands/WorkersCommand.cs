using System.CommandLine;
using System.Globalization;
using Muster.Cluster;
using Muster.Cluster.Coordinator;

namespace Muster.Cli.Commands;

/// <summary><c>muster workers --cluster ...</c>: the live workers, what they offer and what they run.</summary>
internal static class WorkersCommand
{
    public static Command Create(CliContext cli)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster: redis://HOST:PORT[/CLUSTER_ID].", Required = true };
        var command = new Command("workers", "List a cluster's live workers: labels, agent kinds, roots, running agents, last heartbeat.");
        command.Options.Add(cluster);
        command.SetAction(async (parse, token) =>
        {
            var address = ClusterAddress.Parse(parse.GetValue(cluster)!);
            await using var connection = await ClusterConnection.ConnectAsync(address, cli.Loggers, token);
            var workers = await connection.Directory.ListAsync(fresh: true, token);
            var now = cli.Time.GetUtcNow();
            var rows = workers.Select(w => new[]
            {
                w.WorkerId, w.Host,
                w.Labels.Count == 0 ? "-" : string.Join(",", w.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
                w.Kinds.Length.ToString(CultureInfo.InvariantCulture),
                w.Roots.Count == 0 ? "-" : string.Join(",", w.Roots.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")),
                w.Running.ToString(CultureInfo.InvariantCulture) + (w.Draining ? " (stopping)" : ""),
                $"{Math.Max(0, (now - w.Heartbeat).TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)}s ago",
            }).ToList();
            string[] header = ["WORKER", "HOST", "LABELS", "KINDS", "ROOTS", "RUNNING", "HEARTBEAT"];
            var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                await cli.Out.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }
            await cli.Out.WriteLineAsync($"{workers.Count} live worker(s) in cluster '{address.ClusterId}' at {address}" +
                (connection.Directory.OtherVersions.Count == 0 ? "" : $"; ignored, of another Muster version: {string.Join(", ", connection.Directory.OtherVersions)}"));
            return ExitCodes.Passed;
        });
        return command;
    }
}
