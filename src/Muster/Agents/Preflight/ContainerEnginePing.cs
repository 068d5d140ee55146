using System.Net.Sockets;
using System.Text;

namespace Muster.Agents.Preflight;

/// <summary>Asks the container engine's API socket <c>GET /_ping</c> (raw HTTP over the unix socket), bounded in time.</summary>
internal static class ContainerEnginePing
{
    public static string SocketPath(Func<string, string?> environment)
    {
        var host = environment("DOCKER_HOST");
        return host is { } h && h.StartsWith("unix://", StringComparison.Ordinal) ? h["unix://".Length..] : "/var/run/docker.sock";
    }

    /// <summary>Null when the engine answered OK, else why not.</summary>
    public static async Task<string?> PingAsync(string socketPath, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath)) return $"no socket at {socketPath}";
        using var limit = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), bounded.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"), bounded.Token);
            var buffer = new byte[512];
            var read = await socket.ReceiveAsync(buffer, bounded.Token);
            var status = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n", 2)[0];
            return status.Contains(" 200", StringComparison.Ordinal) ? null : $"answered '{status}'";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }
}
