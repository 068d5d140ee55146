using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Dependencies.OsvUpdate;

/// <summary>
/// A real HTTP server on 127.0.0.1 laid out like the public OSV bucket (<c>/ECOSYSTEM/all.zip</c>): it answers with
/// ETag and Last-Modified, honours If-None-Match with 304, and can be told to fail an ecosystem (a status code, a body
/// cut short, a stall after the headers). It keeps the conditional headers of every request.
/// </summary>
internal sealed class FakeOsvBucket : IAsyncDisposable
{
    public enum Fault
    {
        None,
        CutShort,
        Stall,
    }

    private sealed record Export(byte[] Bytes, DateTimeOffset LastModified, string ETag, int Status, Fault Fault);

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, Export> _exports = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince)> _requests = new();

    public FakeOsvBucket()
    {
        _server = new LoopbackHttpServer(HandleAsync);
        BaseUrl = _server.Origin;
    }

    public string BaseUrl { get; }

    public IReadOnlyList<(string Path, string? IfNoneMatch, string? IfModifiedSince)> Requests => _requests.ToList();

    public void Serve(string ecosystem, byte[] zip, DateTimeOffset lastModified, int status = 200, Fault fault = Fault.None) =>
        _exports[$"/{ecosystem}/all.zip"] = new Export(zip, lastModified, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip))[..16]}\"", status, fault);

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stop)
    {
        var response = context.Response;
        var abort = false;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            _requests.Enqueue((path, context.Request.Headers["If-None-Match"], context.Request.Headers["If-Modified-Since"]));
            if (!_exports.TryGetValue(path, out var export))
            {
                response.StatusCode = 404;
                return;
            }
            if (export.Status != 200)
            {
                response.StatusCode = export.Status;
                return;
            }
            response.Headers["ETag"] = export.ETag;
            response.Headers["Last-Modified"] = export.LastModified.ToString("R", CultureInfo.InvariantCulture);
            if (context.Request.Headers["If-None-Match"] == export.ETag)
            {
                response.StatusCode = 304;
                return;
            }
            response.StatusCode = 200;
            response.ContentType = "application/zip";
            response.ContentLength64 = export.Bytes.Length;
            switch (export.Fault)
            {
                case Fault.CutShort:
                    await response.OutputStream.WriteAsync(export.Bytes.AsMemory(0, export.Bytes.Length / 2));
                    await response.OutputStream.FlushAsync();
                    abort = true;
                    return;
                case Fault.Stall:
                    await response.OutputStream.WriteAsync(export.Bytes.AsMemory(0, 10));
                    await response.OutputStream.FlushAsync();
                    await Task.Delay(Timeout.Infinite, stop);
                    return;
            }
            await response.OutputStream.WriteAsync(export.Bytes);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            abort = true;
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // the client went away
        }
        finally
        {
            try
            {
                if (abort) response.Abort();
                else response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
