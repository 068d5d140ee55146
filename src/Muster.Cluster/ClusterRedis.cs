using StackExchange.Redis;

namespace Muster.Cluster;

/// <summary>Checks the Redis of <c>--cluster</c> answers before Orleans is started, so a wrong address is one line in seconds.</summary>
public static class ClusterRedis
{
    /// <exception cref="ClusterUsageException">Redis does not answer.</exception>
    public static async Task RequireReachableAsync(ClusterAddress address, CancellationToken cancellationToken = default)
    {
        await RequireListeningAsync(address, cancellationToken);
        try
        {
            var options = ConfigurationOptions.Parse(address.RedisConfiguration);
            options.AbortOnConnectFail = true;
            options.ConnectRetry = 1;
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(TimeSpan.FromSeconds(8), cancellationToken);
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw Unreachable(address);
        }
    }

    /// <summary>A refused or unresolvable address fails here in milliseconds; Redis' client would retry for seconds.</summary>
    private static async Task RequireListeningAsync(ClusterAddress address, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(address.Host, address.Port, bounded.Token);
        }
        catch (System.Net.Sockets.SocketException)
        {
            throw Unreachable(address);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // slow or filtered, not refused: the Redis client's own bounded connect decides
        }
    }

    private static ClusterUsageException Unreachable(ClusterAddress address) =>
        new($"cannot reach Redis at {address}: start redis-server there, or fix --cluster");
}
