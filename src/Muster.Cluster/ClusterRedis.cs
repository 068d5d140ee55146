using StackExchange.Redis;

namespace Muster.Cluster;

/// <summary>Checks the Redis of <c>--cluster</c> answers before Orleans is started, so a wrong address is one line in seconds.</summary>
public static class ClusterRedis
{
    /// <exception cref="ClusterUsageException">Redis does not answer.</exception>
    public static async Task RequireReachableAsync(ClusterAddress address, CancellationToken cancellationToken = default)
    {
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
            throw new ClusterUsageException($"cannot reach Redis at {address}: start redis-server there, or fix --cluster");
        }
    }
}
