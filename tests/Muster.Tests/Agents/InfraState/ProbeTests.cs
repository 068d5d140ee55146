using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Muster.Agents.InfraState.Probes;

namespace Muster.Tests.Agents.InfraState;

public class ProbeTests
{
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Http_probe_reports_status_and_latency_from_a_loopback_server()
    {
        var port = FreePort();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var serve = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var ctx = await server.GetContextAsync();
                ctx.Response.StatusCode = ctx.Request.Url!.AbsolutePath == "/health" ? 200 : 503;
                ctx.Response.Close();
            }
        });

        var ok = await HttpProbe.RunAsync("api", new Uri($"http://127.0.0.1:{port}/health"), 200, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        var bad = await HttpProbe.RunAsync("api", new Uri($"http://127.0.0.1:{port}/down"), 200, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        await serve.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(ok.Passed);
        Assert.Equal(200, ok.StatusCode);
        Assert.True(ok.Elapsed > TimeSpan.Zero && ok.Elapsed < TimeSpan.FromSeconds(5));
        Assert.False(bad.Passed);
        Assert.Equal(503, bad.StatusCode);
        Assert.Contains("expected 200", bad.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_probe_against_a_closed_port_fails_fast()
    {
        var result = await HttpProbe.RunAsync("api", new Uri($"http://127.0.0.1:{FreePort()}/"), 200, TimeSpan.FromSeconds(3), TimeProvider.System, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Null(result.StatusCode);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Http_probe_is_bounded_in_time_on_its_clock_when_the_server_never_answers()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            // given a server that accepts connections and never answers, and a probe on a fake clock
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var clock = new FakeTimeProvider();

            // when the clock passes the probe's 30 s limit
            var probe = HttpProbe.RunAsync("slow", new Uri($"http://127.0.0.1:{port}/"), 200, TimeSpan.FromSeconds(30), clock, CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(30));
            var result = await probe.WaitAsync(TimeSpan.FromSeconds(30));

            // then it gives up at exactly 30 s of that clock, whatever the wall clock did
            Assert.False(result.Passed);
            Assert.Equal("no answer within 30 s", result.Detail);
            Assert.Equal(TimeSpan.FromSeconds(30), result.Elapsed);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Tcp_probe_connects_to_a_listener_and_fails_on_a_closed_port()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var open = await TcpProbe.RunAsync("db", "127.0.0.1", port, TimeSpan.FromSeconds(3), TimeProvider.System, CancellationToken.None);
            var closed = await TcpProbe.RunAsync("db", "127.0.0.1", FreePort(), TimeSpan.FromSeconds(3), TimeProvider.System, CancellationToken.None);

            Assert.True(open.Passed);
            Assert.Equal($"127.0.0.1:{port}", open.Target);
            Assert.False(closed.Passed);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Process_probe_finds_this_test_host_and_not_a_made_up_name()
    {
        var self = File.ReadAllText("/proc/self/comm").Trim();

        Assert.True(ProcessProbe.Run("me", self, TimeProvider.System).Passed);
        Assert.False(ProcessProbe.Run("ghost", "no-such-process-" + Guid.NewGuid().ToString("N")[..8], TimeProvider.System).Passed);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("none", null)]
    [InlineData("healthy", "healthy")]
    [InlineData("Unhealthy", "unhealthy")]
    [InlineData("starting", "starting")]
    public void Missing_health_from_docker_or_podman_means_no_healthcheck(string? status, string? expected)
    {
        Assert.Equal(expected, ContainerEngineProbe.NormalizeHealth(status));
    }

    [Fact]
    public void Endpoints_follow_the_docker_cli_order()
    {
        var env = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = "/run/user/1000" };

        Assert.Equal(["unix:///var/run/docker.sock", "unix:///run/user/1000/podman/podman.sock", "unix:///run/podman/podman.sock"],
            DockerEndpoints.Candidates(null, env.GetValueOrDefault).Select(u => u.ToString()));
        env["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        Assert.Equal(["http://127.0.0.1:2375/"], DockerEndpoints.Candidates(null, env.GetValueOrDefault).Select(u => u.ToString()));
        Assert.Equal(["unix:///tmp/d.sock"], DockerEndpoints.Candidates("/tmp/d.sock", env.GetValueOrDefault).Select(u => u.ToString()));
    }

    [Fact]
    public async Task Engine_probe_reports_every_endpoint_it_tried_when_none_answers()
    {
        var probe = new ContainerEngineProbe(TimeSpan.FromSeconds(2), TimeProvider.System);

        var snapshot = await probe.ProbeAsync([new Uri("unix:///tmp/muster-none-1.sock"), new Uri($"http://127.0.0.1:{FreePort()}")], CancellationToken.None);

        Assert.False(snapshot.Reachable);
        Assert.Contains("muster-none-1.sock", snapshot.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", snapshot.Error, StringComparison.Ordinal);
    }
}
