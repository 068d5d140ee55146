using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Telemetry;
using Muster.Model;
using Muster.Tests.Engine;
using OpenTelemetry.Exporter;

namespace Muster.Tests.Telemetry;

public sealed class OtlpExportTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _received = new();
    private readonly string _endpoint;

    public OtlpExportTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(_endpoint + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
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
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public async Task Spans_and_metrics_reach_an_otlp_http_collector_on_loopback()
    {
        var runId = "otlp-" + Guid.NewGuid().ToString("N");
        using (TelemetryExport.Start("test",
            traces => { traces.Protocol = OtlpExportProtocol.HttpProtobuf; traces.Endpoint = new Uri(_endpoint + "/v1/traces"); traces.TimeoutMilliseconds = 5000; },
            metrics => { metrics.Protocol = OtlpExportProtocol.HttpProtobuf; metrics.Endpoint = new Uri(_endpoint + "/v1/metrics"); metrics.TimeoutMilliseconds = 5000; }))
        {
            var harness = new EngineHarness().Kind("find", (_, _) => Task.FromResult(new AgentResult { Findings = [EngineHarness.Finding("r", Severity.High)] }));
            using var telemetry = new TelemetryObserver();
            var scheduler = new WaveScheduler(new InProcessAgentExecutor(harness.Registry, NoSecretScrubber.Instance, TimeProvider.System),
                new CompositeRunObserver([telemetry]), new EngineOptions());
            await scheduler.RunAsync(harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: a, kind: find}]\n"),
                new RunRequest { RunId = runId, Root = Path.GetTempPath() }, CancellationToken.None);
        } // disposing the providers flushes both exporters

        var traces = _received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var payload = string.Concat(traces.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains(runId, payload, StringComparison.Ordinal);
        foreach (var name in new[] { "muster.run", "muster.wave", "muster.agent.attempt" }) Assert.Contains(name, payload, StringComparison.Ordinal);
        Assert.Contains(_received, r => r.Path == "/v1/metrics" && Encoding.UTF8.GetString(r.Body).Contains("muster.agents", StringComparison.Ordinal));
    }
}
