using System.Diagnostics;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Telemetry;
using Muster.Model;
using Muster.Tests.Engine;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Muster.Tests.Telemetry;

public class TelemetryObserverTests
{
    private const string Plan = """
        name: telemetry
        waves:
          - name: scan
            agents:
              - {id: finder, kind: find}
              - {id: flaky, kind: flaky, retries: 1, retry-backoff: 10ms}
          - name: verify
            agents:
              - {id: checker, kind: find}
        """;

    [Fact]
    public async Task Spans_nest_run_then_wave_then_agent_attempt_with_state_duration_and_finding_counts()
    {
        var runId = "telemetry-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracer = Sdk.CreateTracerProviderBuilder().AddSource(TelemetryObserver.SourceName).AddInMemoryExporter(spans).Build())
        using (var meter = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryObserver.SourceName).AddInMemoryExporter(metrics).Build())
        {
            var attempts = 0;
            var harness = new EngineHarness()
                .Kind("find", (ctx, _) => Task.FromResult(new AgentResult
                {
                    Findings = [EngineHarness.Finding("r-" + ctx.AgentId, Severity.Critical), EngineHarness.Finding("s-" + ctx.AgentId, Severity.Low)],
                }))
                .Kind("flaky", (_, _) => ++attempts == 1 ? throw new TransientAgentException("first attempt fails") : Task.FromResult(AgentResult.Empty()));
            using var telemetry = new TelemetryObserver();
            var scheduler = new WaveScheduler(new InProcessAgentExecutor(harness.Registry, NoSecretScrubber.Instance, TimeProvider.System),
                new CompositeRunObserver([telemetry]), new EngineOptions());

            var outcome = await scheduler.RunAsync(harness.Plan(Plan), new RunRequest { RunId = runId, Root = Path.GetTempPath() }, CancellationToken.None);

            Assert.Equal(RunStatus.Completed, outcome.Status);
            meter.ForceFlush();
        }

        var mine = spans.Where(s => (string?)s.GetTagItem("muster.run.id") == runId).ToList();
        var run = Assert.Single(mine, s => s.OperationName == "muster.run");
        Assert.Equal(default, run.ParentSpanId);
        Assert.Equal("completed", run.GetTagItem("muster.run.status"));
        Assert.Equal(2, run.GetTagItem("muster.findings.critical"));

        var waves = mine.Where(s => s.OperationName == "muster.wave").OrderBy(s => (int)s.GetTagItem("muster.wave.index")!).ToList();
        Assert.Equal(["scan", "verify"], waves.Select(w => (string)w.GetTagItem("muster.wave.name")!));
        Assert.All(waves, w => Assert.Equal(run.SpanId, w.ParentSpanId));
        Assert.All(waves, w => Assert.Equal(run.TraceId, w.TraceId));

        var attemptsSeen = mine.Where(s => s.OperationName == "muster.agent.attempt").ToList();
        Assert.Equal(4, attemptsSeen.Count);
        Assert.All(attemptsSeen.Where(a => (string)a.GetTagItem("muster.agent.id")! != "checker"), a => Assert.Equal(waves[0].SpanId, a.ParentSpanId));
        var checker = Assert.Single(attemptsSeen, a => (string)a.GetTagItem("muster.agent.id")! == "checker");
        Assert.Equal(waves[1].SpanId, checker.ParentSpanId);
        Assert.Equal(("succeeded", 1, 1), ((string)checker.GetTagItem("muster.agent.state")!, (int)checker.GetTagItem("muster.findings.critical")!, (int)checker.GetTagItem("muster.findings.low")!));
        Assert.IsType<double>(checker.GetTagItem("muster.agent.duration_ms"));

        var flaky = attemptsSeen.Where(a => (string)a.GetTagItem("muster.agent.id")! == "flaky").OrderBy(a => (int)a.GetTagItem("muster.agent.attempt")!).ToList();
        Assert.Equal([(1, "failed"), (2, "succeeded")], flaky.Select(a => ((int)a.GetTagItem("muster.agent.attempt")!, (string)a.GetTagItem("muster.agent.state")!)));
        Assert.Equal(ActivityStatusCode.Error, flaky[0].Status);

        Assert.Contains(metrics, m => m.Name == "muster.agents");
        Assert.Contains(metrics, m => m.Name == "muster.agent.duration");
        Assert.Contains(metrics, m => m.Name == "muster.findings");
    }

    [Fact]
    public void Export_is_off_without_an_otlp_endpoint()
    {
        if (Environment.GetEnvironmentVariable(TelemetryExport.EndpointVariable) is { Length: > 0 }) return;
        Assert.Null(TelemetryExport.StartFromEnvironment("test"));
    }
}
