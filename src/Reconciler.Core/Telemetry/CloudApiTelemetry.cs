using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Reconciler.Core.Telemetry;

/// <summary>
/// The hook every cloud client calls, one call per attempt: requests by code, per-attempt duration, throttles and
/// retries, the circuit-breaker state per region, and a client span per logical call. These instruments live here,
/// not in the engine's <c>ReconcilerMetrics</c>, because platforms must not reference the engine (STYLE §6); they
/// share its Meter name, so one scrape shows both. The Meter is process-wide: a process hosting two daemons
/// (tests) reports their cloud calls together. Labels are bounded: provider ("aws", "gcp"), the API operation name,
/// a status code (HTTP status, or a fixed word such as "Timeout"), a region — never a message or an identifier.
/// </summary>
public static class CloudApiTelemetry
{
    private static readonly Meter Meter = new(TelemetryNames.Meter);
    private static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);
    private static readonly ConcurrentDictionary<(string Provider, string Region), int> Circuits = new();
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "reconciler_cloud_api_requests_total", description: "Cloud API requests (attempts) by provider, operation and result code.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "reconciler_cloud_api_request_duration_seconds", "s", "Duration of one cloud API attempt.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "reconciler_cloud_api_throttled_total", description: "Cloud API attempts the provider refused as throttled.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "reconciler_cloud_api_retries_total", description: "Cloud API attempts that were retries of a failed attempt.");

    static CloudApiTelemetry()
    {
        Meter.CreateObservableGauge("reconciler_circuit_breaker_open", ObserveCircuits,
            description: "1 while the circuit breaker for a provider and region refuses or probes calls, else 0.");
    }

    /// <summary>Records one attempt. <paramref name="retry"/>: this attempt follows a failed one of the same call.</summary>
    public static void Record(string provider, string operation, string code, TimeSpan duration, bool throttled, bool retry)
    {
        var p = new KeyValuePair<string, object?>("provider", provider);
        var o = new KeyValuePair<string, object?>("operation", operation);
        Requests.Add(1, p, o, new KeyValuePair<string, object?>("code", code));
        Duration.Record(duration.TotalSeconds, p, o);
        if (throttled) Throttled.Add(1, p, o);
        if (retry) Retries.Add(1, p, o);
    }

    /// <summary>Sets the breaker state of (provider, region); call with false when the region is first used, so it shows 0.</summary>
    public static void SetCircuitOpen(string provider, string region, bool open) => Circuits[(provider, region)] = open ? 1 : 0;

    /// <summary>A client span for one logical call (all its attempts), a child of the reconcile span; null when nobody listens.</summary>
    public static Activity? StartCall(string provider, string operation, string region)
    {
        var activity = Source.StartActivity($"{provider} {operation}", ActivityKind.Client);
        activity?.SetTag("rpc.system", provider);
        activity?.SetTag("rpc.method", operation);
        activity?.SetTag("cloud.region", region);
        return activity;
    }

    private static IEnumerable<Measurement<int>> ObserveCircuits() =>
        Circuits.Select(c => new Measurement<int>(c.Value,
            new KeyValuePair<string, object?>("provider", c.Key.Provider), new KeyValuePair<string, object?>("region", c.Key.Region)));
}
