using System.Net;
using System.Net.Sockets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Fleet;

public sealed class RedisServerTests
{
    [Fact]
    public async Task A_private_redis_answers_on_loopback_persists_nothing_and_is_gone_after_dispose()
    {
        var redis = await RedisServer.StartAsync();
        var pid = redis.Pid;
        var port = redis.Port;
        try
        {
            Assert.True(await redis.PingAsync());
            Assert.Equal($"redis://127.0.0.1:{port}", redis.Url);
            Assert.Equal("redis-server", File.ReadAllText($"/proc/{pid}/comm").Trim());
            Assert.Equal("*2\r\n$4\r\nsave\r\n$0\r\n\r\n", await redis.CommandAsync("CONFIG GET save"));
            Assert.Equal("*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n", await redis.CommandAsync("CONFIG GET appendonly"));
            Assert.Equal("*2\r\n$4\r\nbind\r\n$9\r\n127.0.0.1\r\n", await redis.CommandAsync("CONFIG GET bind"));
        }
        finally
        {
            await redis.DisposeAsync();
        }

        Assert.False(IsRedis(pid), $"redis-server pid {pid} still runs after dispose");
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    /// <summary>The pid is gone, or (recycled) no longer redis-server.</summary>
    private static bool IsRedis(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "redis-server";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
