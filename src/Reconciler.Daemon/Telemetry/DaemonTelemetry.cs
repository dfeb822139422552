using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reconciler.Core.Telemetry;

namespace Reconciler.Daemon.Telemetry;

/// <summary>
/// The OpenTelemetry SDK in the daemon: the Reconciler meter plus runtime and process instrumentation, exported on
/// <c>/metrics</c> by the Prometheus exporter; the Reconciler activity source, exported over OTLP only when the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself).
/// Spans are created either way, so every log line of a reconcile carries a trace id.
/// </summary>
internal static class DaemonTelemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void Add(IServiceCollection services)
    {
        var otlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("reconciler", serviceVersion: typeof(DaemonTelemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Meter)
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddPrometheusFriendlyNames()
                // No response cache: a scrape right after a change shows it (the default caches for 300 ms).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.ActivitySource);
                if (otlp) tracing.AddOtlpExporter();
            });
    }

    public static void MapMetrics(WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
