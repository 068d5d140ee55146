using System.Net.Sockets;

namespace Muster.Agents.InfraState.Probes;

/// <summary>An <see cref="HttpClient"/> that talks to a docker endpoint, over a Unix socket when the endpoint is one.</summary>
internal static class EngineHttp
{
    public static HttpClient Create(Uri endpoint, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = timeout };
        Uri baseAddress;
        if (endpoint.Scheme == "unix")
        {
            var socketPath = endpoint.AbsolutePath;
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            baseAddress = new Uri("http://docker/");
        }
        else
        {
            baseAddress = new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/");
        }
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
    }
}
