using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Muster.Engine.Telemetry;

/// <summary>OTLP export of Muster's spans and metrics, on only when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public static class TelemetryExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Providers exporting over OTLP (the exporter reads the OTEL_* variables itself); null when no endpoint is set.</summary>
    public static IDisposable? StartFromEnvironment(string serviceVersion)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable))) return null;
        return Start(serviceVersion, _ => { }, _ => { });
    }

    /// <summary>Providers exporting over OTLP, each exporter's options adjusted by the given callbacks.</summary>
    internal static IDisposable Start(string serviceVersion, Action<OtlpExporterOptions> traces, Action<OtlpExporterOptions> metrics)
    {
        var resource = ResourceBuilder.CreateDefault().AddService("muster", serviceVersion: serviceVersion);
        var tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(TelemetryObserver.SourceName).AddOtlpExporter(traces).Build();
        var meter = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(TelemetryObserver.SourceName).AddOtlpExporter(metrics).Build();
        return new Providers(tracer, meter);
    }

    private sealed class Providers(TracerProvider? tracer, MeterProvider? meter) : IDisposable
    {
        // Disposing flushes what is still batched, so a short CLI run does not lose its spans.
        public void Dispose()
        {
            tracer?.Dispose();
            meter?.Dispose();
        }
    }
}
