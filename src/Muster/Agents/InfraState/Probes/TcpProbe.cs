using System.Diagnostics;
using System.Net.Sockets;

namespace Muster.Agents.InfraState.Probes;

/// <summary>Opens a TCP connection within a time limit and closes it at once.</summary>
public static class TcpProbe
{
    public static async Task<ProbeResult> RunAsync(string service, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var client = new TcpClient();
        var watch = Stopwatch.StartNew();
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            watch.Stop();
            return new ProbeResult
            {
                Service = service,
                Kind = "tcp",
                Target = $"{host}:{port}",
                Passed = true,
                Elapsed = watch.Elapsed,
                Detail = $"connected in {watch.Elapsed.TotalMilliseconds:0} ms",
            };
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            watch.Stop();
            return new ProbeResult
            {
                Service = service,
                Kind = "tcp",
                Target = $"{host}:{port}",
                Passed = false,
                Elapsed = watch.Elapsed,
                Detail = e is SocketException se ? se.Message : $"no connection within {timeout.TotalSeconds:0.#} s",
            };
        }
    }
}
