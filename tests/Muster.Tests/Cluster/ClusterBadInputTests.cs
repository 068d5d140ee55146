using System.Net;
using System.Net.Sockets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Cluster;

/// <summary>Bad cluster input is one line naming the fix, exit code 2, within seconds: never a hang or a stack trace.</summary>
public sealed class ClusterBadInputTests
{
    private const string PlacedPlan = """
        name: placed
        waves:
          - name: w
            agents:
              - {id: on-vps, kind: noop, on: {host: vps1}}
        """;

    [Theory]
    [InlineData("http://127.0.0.1:6379", "is not a redis:// address")]
    [InlineData("redis://127.0.0.1", "has no port")]
    [InlineData("redis://user:pw@127.0.0.1:6379", "may hold only host, port and cluster id")]
    [InlineData("redis://127.0.0.1:6379/bad id!", "cluster id")]
    public async Task A_malformed_cluster_address_is_a_usage_error(string address, string expected)
    {
        using var root = new TempTree();
        var (code, _, err) = await CliRunner.RunAsync("audit", root.Path, "--cluster", address, "--quiet");
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --cluster ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task An_unreachable_redis_is_a_usage_error_within_ten_seconds()
    {
        using var root = new TempTree();
        var plan = root.Write("plan.yaml", PlacedPlan);
        var started = TimeProvider.System.GetTimestamp();
        var (code, _, err) = await CliRunner.RunAsync("run", plan, "--root", root.Path, "--cluster", $"redis://127.0.0.1:{ClosedPort()}", "--quiet");
        Assert.Equal(2, code);
        Assert.Matches(@"^error: cannot reach Redis at redis://127\.0\.0\.1:\d+: start redis-server there, or fix --cluster\n$", err);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "answered within 10 s");
    }

    [Fact]
    public async Task A_cluster_without_workers_is_a_usage_error_naming_the_worker_command()
    {
        await using var redis = await RedisServer.StartAsync();
        using var root = new TempTree();
        var plan = root.Write("plan.yaml", PlacedPlan);
        var started = TimeProvider.System.GetTimestamp();
        var (code, _, err) = await CliRunner.RunAsync("run", plan, "--root", root.Path, "--cluster", redis.Url + "/empty", "--quiet");
        Assert.Equal(2, code);
        // Read from Redis's membership table before any client starts: one line, no stack trace, in seconds.
        Assert.Equal($"error: no worker in cluster 'empty' at {redis.Url}: start 'muster worker --cluster {redis.Url}/empty' first\n", err);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "answered within 10 s");
    }

    [Fact]
    public async Task A_placed_plan_without_cluster_is_a_usage_error()
    {
        using var root = new TempTree();
        var plan = root.Write("plan.yaml", PlacedPlan);
        var (code, _, err) = await CliRunner.RunAsync("run", plan, "--root", root.Path, "--quiet");
        Assert.Equal(2, code);
        Assert.Equal("error: agent 'on-vps' is placed on cluster workers (host=vps1): run with --cluster redis://HOST:PORT, or remove its 'on:'/'root:' to run it here\n", err);
    }

    [Theory]
    [InlineData("--labels", "host", "--labels expects KEY=VALUE,KEY=VALUE")]
    [InlineData("--root", "ws=/nonexistent/muster-folder", "--root ws: '/nonexistent/muster-folder' is not a folder")]
    [InlineData("--root", "=/tmp", "--root expects NAME=PATH")]
    public async Task A_worker_with_bad_labels_or_roots_does_not_start(string option, string value, string expected)
    {
        var (code, _, err) = await CliRunner.RunAsync("worker", "--cluster", "redis://127.0.0.1:1", option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: " + expected, err);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
