using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Muster.Cluster;
using Muster.Cluster.Worker;
using Muster.Engine.Plans;

namespace Muster.Cli.Commands;

/// <summary><c>muster worker --cluster redis://HOST:PORT --labels host=vps1</c>: runs agents for coordinators until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext cli)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster to join: redis://HOST:PORT[/CLUSTER_ID].", Required = true };
        var labels = new Option<string?>("--labels") { Description = "Labels plans place agents by (on: {host: vps1}): KEY=VALUE,KEY=VALUE; 'host' is what reports show." };
        var roots = new Option<string[]>("--root") { Description = "A folder plans may audit here by NAME (root: NAME): NAME=PATH (repeatable)." };
        var name = new Option<string?>("--name") { Description = "This worker's id in the cluster (default: HOST-PID-RANDOM)." };
        var advertise = new Option<string?>("--advertise") { Description = "The address coordinators reach this worker at (default: 127.0.0.1 for a loopback Redis, else this machine's first IPv4 address)." };
        var command = new Command("worker", "Join a cluster and run the agents coordinators place here, until SIGTERM or Ctrl+C.");
        command.Options.Add(cluster);
        command.Options.Add(labels);
        command.Options.Add(roots);
        command.Options.Add(name);
        command.Options.Add(advertise);
        command.SetAction(async (parse, token) =>
        {
            var address = ClusterAddress.Parse(parse.GetValue(cluster)!);
            var settings = new WorkerSettings { Labels = ParseLabels(parse.GetValue(labels)), Roots = ParseRoots(parse.GetValue(roots) ?? []) };
            var workerId = parse.GetValue(name) ?? $"{settings.Host}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
            if (!PlanParser.IsLabelText(workerId)) throw new UsageException($"--name '{workerId}' may hold only letters, digits, '.', '_' and '-'");
            var ip = parse.GetValue(advertise) is { } text
                ? IPAddress.TryParse(text, out var parsed) ? parsed : throw new UsageException($"--advertise '{text}' is not an IP address")
                : DefaultAdvertise(address);
            await ClusterRedis.RequireReachableAsync(address, token);
            return await new WorkerProcess(cli, address, workerId, ip, settings).RunAsync(token);
        });
        return command;
    }

    internal static Dictionary<string, string> ParseLabels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            var (key, value) = eq > 0 ? (pair[..eq], pair[(eq + 1)..]) : ("", "");
            if (!PlanParser.IsLabelText(key) || !PlanParser.IsLabelText(value))
            {
                throw new UsageException($"--labels expects KEY=VALUE,KEY=VALUE (letters, digits, '.', '_', '-'), not '{pair}'");
            }
            if (!labels.TryAdd(key, value)) throw new UsageException($"--labels gives '{key}' twice");
        }
        return labels;
    }

    internal static Dictionary<string, string> ParseRoots(IEnumerable<string> specs)
    {
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=');
            if (eq <= 0 || !PlanParser.IsLabelText(spec[..eq]) || eq == spec.Length - 1)
            {
                throw new UsageException($"--root expects NAME=PATH (NAME: letters, digits, '.', '_', '-'), not '{spec}'");
            }
            var path = Path.GetFullPath(spec[(eq + 1)..]);
            if (!Directory.Exists(path)) throw new UsageException($"--root {spec[..eq]}: '{path}' is not a folder");
            if (!roots.TryAdd(spec[..eq], path)) throw new UsageException($"--root names '{spec[..eq]}' twice");
        }
        return roots;
    }

    private static IPAddress DefaultAdvertise(ClusterAddress address)
    {
        if (address.Host is "localhost" || IPAddress.TryParse(address.Host, out var redis) && IPAddress.IsLoopback(redis)) return IPAddress.Loopback;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
