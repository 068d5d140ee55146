using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Muster.Agents.Mcp;
using Muster.Formats.Mcp;

namespace Muster.Tests.Agents.Mcp;

/// <summary>
/// A URL server verified over streamable HTTP: a real SDK server (its streamable HTTP transport) behind an
/// HttpListener on loopback, answering each POST as an SSE stream.
/// </summary>
public sealed class HttpMcpServerTests : IAsyncLifetime
{
    private readonly HttpListener _listener = new();
    private readonly StreamableHttpServerTransport _transport = new() { Stateless = true };
    private readonly CancellationTokenSource _stop = new();
    private McpServer _server = null!;
    private Task _serving = Task.CompletedTask;
    private Task _running = Task.CompletedTask;
    private int _port;
    private string? _authorization;

    public Task InitializeAsync()
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "muster-http-test", Version = "1.0.0" },
            ToolCollection = [McpServerTool.Create((string text) => text, new McpServerToolCreateOptions { Name = "echo" })],
        };
        _server = McpServer.Create(_transport, options);
        _running = _server.RunAsync(_stop.Token);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        if (context.Request.HttpMethod != "POST")
        {
            response.StatusCode = 405;
            response.Close();
            return;
        }
        _authorization = context.Request.Headers["Authorization"];
        var message = await JsonSerializer.DeserializeAsync<JsonRpcMessage>(context.Request.InputStream, McpJsonUtilities.DefaultOptions);
        if (message is not JsonRpcRequest)
        {
            response.StatusCode = 202;
            response.Close();
            return;
        }
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        await _transport.HandlePostRequestAsync(message, response.OutputStream, _stop.Token);
        response.Close();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _serving;
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task A_url_server_answers_initialize_and_tools_list_over_streamable_http()
    {
        var server = new McpServerConfig
        {
            Name = "remote",
            SourcePath = ".mcp.json",
            Url = $"http://127.0.0.1:{_port}/mcp",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer ${MUSTER_TEST_HTTP_TOKEN}" },
        };
        var probe = new McpServerProbe(Path.GetTempPath(), TimeSpan.FromSeconds(10), TimeProvider.System)
        {
            Environment = name => name == "MUSTER_TEST_HTTP_TOKEN" ? "expanded-token" : null,
        };

        var result = await probe.VerifyAsync(server, CancellationToken.None);

        Assert.Equal(McpProbeStatus.Works, result.Status);
        Assert.Equal(1, result.ToolCount);
        Assert.Equal("muster-http-test", result.ServerName);
        Assert.Equal("Bearer expanded-token", _authorization);
    }
}
