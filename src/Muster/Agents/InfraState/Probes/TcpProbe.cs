using System.Net.Sockets;

namespace Muster.Agents.InfraState.Probes;

/// <summary>Opens a TCP connection within a time limit and closes it at once.</summary>
public static class TcpProbe
{
    public static async Task<ProbeResult> RunAsync(string service, string host, int port, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var client = new TcpClient();
        var started = time.GetTimestamp();
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            return new ProbeResult
            {
                Service = service,
                Kind = "tcp",
                Target = $"{host}:{port}",
                Passed = true,
                Elapsed = elapsed,
                Detail = $"connected in {elapsed.TotalMilliseconds:0} ms",
            };
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var elapsed = time.GetElapsedTime(started);
            return new ProbeResult
            {
                Service = service,
                Kind = "tcp",
                Target = $"{host}:{port}",
                Passed = false,
                Elapsed = elapsed,
                Detail = e is SocketException se ? se.Message : $"no connection within {timeout.TotalSeconds:0.#} s",
            };
        }
    }
}
