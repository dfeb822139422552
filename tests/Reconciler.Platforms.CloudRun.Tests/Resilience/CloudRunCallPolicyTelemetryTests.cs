using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Tests.Resilience;

/// <summary>Cloud Run calls report through the same <see cref="CloudApiTelemetry"/> hook as AWS, with provider "gcp".</summary>
public sealed class CloudRunCallPolicyTelemetryTests
{
    [Test]
    public async Task Two_429s_then_a_success_are_three_requests_two_throttles_two_retries_and_one_client_span()
    {
        const string operation = "services.probeTelemetry";
        var measurements = new List<(string Name, double Value, Dictionary<string, string> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (i, l) => { if (i.Meter.Name == TelemetryNames.Meter) l.EnableMeasurementEvents(i); };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) =>
        {
            var copy = new Dictionary<string, string>();
            foreach (var t in tags) copy[t.Key] = t.Value?.ToString() ?? "";
            if (copy.GetValueOrDefault("operation") == operation) lock (measurements) measurements.Add((i.Name, v, copy));
        });
        meters.Start();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.ActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.GetTagItem("rpc.method") as string == operation) lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions { RetryBaseDelay = TimeSpan.Zero }, new SignallingTimeProvider());
        var attempts = 0;

        await policy.RunAsync("p", "europe-west1", CallKind.Read, operation, _ =>
            ++attempts < 3 ? throw new RunApiException(429, "RESOURCE_EXHAUSTED", "quota") : Task.FromResult(42), CancellationToken.None);

        double Sum(string name, string? code = null) =>
            measurements.Where(m => m.Name == name && (code is null || m.Tags["code"] == code) && m.Tags["provider"] == "gcp").Sum(m => m.Value);
        Assert.That(Sum("reconciler_cloud_api_requests_total", "429"), Is.EqualTo(2));
        Assert.That(Sum("reconciler_cloud_api_requests_total", "200"), Is.EqualTo(1));
        Assert.That(Sum("reconciler_cloud_api_throttled_total"), Is.EqualTo(2));
        Assert.That(Sum("reconciler_cloud_api_retries_total"), Is.EqualTo(2));
        Assert.That(spans.Single().DisplayName, Is.EqualTo("gcp " + operation));
    }
}
