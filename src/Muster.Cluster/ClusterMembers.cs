using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using StackExchange.Redis;

namespace Muster.Cluster;

/// <summary>
/// Reads the membership table that Orleans' Redis clustering keeps (a hash per cluster, <c>muster/members/ID</c>,
/// one JSON entry per silo) before a coordinator starts its client, and knocks on the gateways it lists: a cluster id
/// that does not exist, a cluster with no active worker, or one whose workers were killed without leaving (still
/// "active" in the table, nobody left to say otherwise) is one line naming the fix in about a second, not a client
/// start timeout.
/// </summary>
public static class ClusterMembers
{
    /// <summary>The service id every Muster silo and client uses (<c>ClusterOptions.ServiceId</c>).</summary>
    public const string ServiceId = "muster";

    /// <summary>Orleans' <c>SiloStatus.Active</c> as it is stored in the table.</summary>
    private const int ActiveStatus = 3;

    private const string Prefix = ServiceId + "/members/";

    private static readonly TimeSpan KnockTimeout = TimeSpan.FromSeconds(2);

    /// <exception cref="ClusterUsageException">No worker of <paramref name="address"/>'s cluster is active and reachable.</exception>
    public static async Task RequireActiveAsync(ClusterAddress address, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, IReadOnlyList<IPEndPoint>?> tables;
        try
        {
            tables = await ReadGatewaysAsync(address, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return; // the client's own bounded start reports it
        }
        if (!tables.TryGetValue(address.ClusterId, out var gateways) || gateways is null) return;
        var where = $"redis://{address.Host}:{address.Port}";
        if (gateways.Count == 0)
        {
            var others = await AnsweringOthersAsync(tables, address.ClusterId, cancellationToken);
            throw new ClusterUsageException(others.Count == 0
                ? $"no worker in cluster '{address.ClusterId}' at {where}: start 'muster worker --cluster {address}' first"
                : $"no worker in cluster '{address.ClusterId}' at {where}; workers are in cluster {string.Join(", ", others.Select(o => $"'{o}'"))}: " +
                  $"use --cluster {new ClusterAddress(address.Host, address.Port, others[0])}, or start 'muster worker --cluster {address}'");
        }
        var answers = await Task.WhenAll(gateways.Select(g => AcceptsAsync(g, cancellationToken)));
        if (!answers.Any(a => a))
        {
            throw new ClusterUsageException($"no worker answers in cluster '{address.ClusterId}' at {address}: start 'muster worker --cluster {address}' " +
                                            $"(same cluster id), then run again ({gateways.Count} listed as active, none accepts a connection: killed without leaving?)");
        }
    }

    /// <summary>
    /// The other cluster ids worth naming: those with a worker that accepts a connection (a table whose entries this
    /// version cannot read is named: nothing is concluded from it). A cluster whose workers were all killed is still
    /// "active" in its table; naming it would send the user to a cluster that cannot run anything.
    /// </summary>
    private static async Task<List<string>> AnsweringOthersAsync(IReadOnlyDictionary<string, IReadOnlyList<IPEndPoint>?> tables, string clusterId,
        CancellationToken cancellationToken)
    {
        var candidates = tables.Where(c => c.Key != clusterId && c.Value is null or { Count: > 0 }).ToList();
        var answers = await Task.WhenAll(candidates.Select(async c => c.Value is null || (await Task.WhenAll(c.Value.Select(g => AcceptsAsync(g, cancellationToken)))).Any(a => a)));
        return candidates.Where((_, i) => answers[i]).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The active silos' gateways per cluster id at that Redis; the requested id is present (empty) when it has no
    /// table. Null: a table whose entries this version cannot read (then nothing is concluded from it).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<IPEndPoint>?>> ReadGatewaysAsync(ClusterAddress address, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(address.RedisConfiguration);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var database = redis.GetDatabase();
        var tables = new Dictionary<string, IReadOnlyList<IPEndPoint>?>(StringComparer.Ordinal) { [address.ClusterId] = [] };
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            await foreach (var key in server.KeysAsync(pattern: Prefix + "*", pageSize: 100).WithCancellation(cancellationToken))
            {
                var id = key.ToString()[Prefix.Length..];
                if (id.Length == 0 || id.Contains('/')) continue;
                var entries = await database.HashGetAllAsync(key).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
                tables[id] = ActiveGateways(entries.Where(e => e.Name != "Version").Select(e => e.Value.ToString()));
            }
        }
        return tables;
    }

    /// <summary>The gateways of the active entries; null when any entry is not the JSON this version knows.</summary>
    public static IReadOnlyList<IPEndPoint>? ActiveGateways(IEnumerable<string> entries)
    {
        var gateways = new List<IPEndPoint>();
        foreach (var entry in entries)
        {
            try
            {
                using var json = JsonDocument.Parse(entry);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("Status", out var status) || status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var value))
                {
                    return null;
                }
                if (value != ActiveStatus) continue;
                if (Gateway(root) is not { } gateway) return null;
                gateways.Add(gateway);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return gateways;
    }

    /// <summary>"SiloAddress": {"SiloAddress": "IP:PORT@GENERATION"} with "ProxyPort": the client's gateway.</summary>
    private static IPEndPoint? Gateway(JsonElement entry)
    {
        if (!entry.TryGetProperty("ProxyPort", out var proxy) || proxy.ValueKind != JsonValueKind.Number || !proxy.TryGetInt32(out var port)
            || port is <= 0 or > 65535)
        {
            return null;
        }
        if (!entry.TryGetProperty("SiloAddress", out var silo) || silo.ValueKind != JsonValueKind.Object
            || !silo.TryGetProperty("SiloAddress", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var address = text.GetString()!;
        var at = address.LastIndexOf('@');
        var hostPort = at < 0 ? address : address[..at];
        return IPEndPoint.TryParse(hostPort, out var endpoint) ? new IPEndPoint(endpoint.Address, port) : null;
    }

    private static async Task<bool> AcceptsAsync(IPEndPoint gateway, CancellationToken cancellationToken)
    {
        using var socket = new Socket(gateway.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(KnockTimeout);
        try
        {
            await socket.ConnectAsync(gateway, bounded.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true; // filtered or slow, not refused: the client's own start decides
        }
    }
}
