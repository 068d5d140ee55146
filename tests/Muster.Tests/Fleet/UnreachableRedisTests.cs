using System.Net;
using System.Net.Sockets;

namespace Muster.Tests.Fleet;

/// <summary>Issue 17: an unreachable Redis is a one-line error naming the fix, exit code 2, within 10 s: never a hang.</summary>
[Collection(FleetCollection.Name)]
public sealed class UnreachableRedisTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-no-redis-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Worker_workers_and_run_against_an_unreachable_redis_end_in_one_line_with_exit_2_within_10_seconds()
    {
        var url = $"redis://127.0.0.1:{ClosedPort()}";
        Directory.CreateDirectory(Path.Combine(_dir, "ws"));
        File.WriteAllText(Path.Combine(_dir, "plan.yaml"), """
            name: no-redis
            waves:
              - name: w
                agents:
                  - {id: n, kind: noop}
            """);
        string[][] commands =
        [
            ["worker", "--cluster", url, "--labels", "host=a"],
            ["workers", "--cluster", url],
            ["run", "plan.yaml", "--root", "ws", "--state", "state", "--output", "out", "--cluster", url],
        ];

        // One after another: each one's clock starts with its own process, and two cores do not also share it.
        foreach (var args in commands)
        {
            var line = await OneLineError.OfAsync(_dir, args);
            Assert.Contains(url[8..], line, StringComparison.Ordinal); // names the address it could not reach
            Assert.Contains("redis", line, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("--cluster", line, StringComparison.Ordinal); // the fix: the address to correct
        }
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")), "the run wrote reports although it never started");
    }

    /// <summary>A loopback port nothing listens on (bound, then released: connections are refused).</summary>
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
