using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reconciler.Core.Seams;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Resilience;

/// <summary>
/// Every AWS call reports through <see cref="CloudApiTelemetry"/>: one request per attempt with its status code, the
/// throttled attempts, the retries, the breaker state of its region, and one client span per logical call.
/// </summary>
public sealed class AwsCallPolicyTelemetryTests
{
    private static readonly AwsCallOptions Fast = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(2),
        CallsPerSecond = 1000,
        CallBurst = 1000,
    };

    [Test]
    public async Task Two_throttled_attempts_then_a_success_are_three_requests_two_throttles_and_two_retries()
    {
        using var recorded = new Recorded("ProbeThrottled");
        var policy = new AwsCallPolicy(Fast, TimeProvider.System);
        var attempts = 0;

        var result = await policy.RunAsync("eu-west-3", "ProbeThrottled", _ => ++attempts <= 2
            ? throw new AwsApiException(AwsErrorCodes.Throttling, "Rate exceeded", 400, isRetryable: true)
            : Task.FromResult("ok"), CancellationToken.None);

        Assert.That(result, Is.EqualTo("ok"));
        Assert.That(recorded.Sum("reconciler_cloud_api_requests_total", ("code", "400")), Is.EqualTo(2));
        Assert.That(recorded.Sum("reconciler_cloud_api_requests_total", ("code", "200")), Is.EqualTo(1));
        Assert.That(recorded.Sum("reconciler_cloud_api_throttled_total"), Is.EqualTo(2));
        Assert.That(recorded.Sum("reconciler_cloud_api_retries_total"), Is.EqualTo(2));
        Assert.That(recorded.Count("reconciler_cloud_api_request_duration_seconds"), Is.EqualTo(3));
        Assert.That(recorded.Measurements.Select(m => m.Tags["provider"]).Distinct(), Is.EqualTo(new[] { "aws" }));
        var span = recorded.Spans.Single();
        Assert.That((span.DisplayName, span.Kind, span.Status), Is.EqualTo(("aws ProbeThrottled", ActivityKind.Client, ActivityStatusCode.Unset)));
        Assert.That(span.GetTagItem("cloud.region"), Is.EqualTo("eu-west-3"));
    }

    [Test]
    public async Task A_region_whose_calls_keep_failing_shows_its_circuit_open_and_the_span_failed()
    {
        using var recorded = new Recorded("ProbeFailing");
        var options = new AwsCallOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(2), MaxRetryAttempts = 4,
            CircuitMinimumThroughput = 2, CircuitFailureRatio = 0.5, CallsPerSecond = 1000, CallBurst = 1000,
        };
        var policy = new AwsCallPolicy(options, TimeProvider.System);

        Assert.ThrowsAsync<PlatformException>(() => policy.RunAsync<string>("ap-south-2", "ProbeFailing",
            _ => throw new AwsApiException(AwsErrorCodes.Server, "boom", 500, isRetryable: true), CancellationToken.None));

        Assert.That(recorded.Gauge("reconciler_circuit_breaker_open", ("provider", "aws"), ("region", "ap-south-2")), Is.EqualTo(1));
        Assert.That(recorded.Sum("reconciler_cloud_api_requests_total", ("code", "500")), Is.GreaterThanOrEqualTo(2));
        Assert.That(recorded.Spans.Single().Status, Is.EqualTo(ActivityStatusCode.Error));
    }

    /// <summary>Measurements and spans of one probe operation (the meter is process-wide; the operation name isolates a test).</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly string _operation;
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _spans;
        private readonly List<(string Name, double Value, Dictionary<string, string> Tags)> _measurements = [];
        private readonly List<Activity> _activities = [];

        public Recorded(string operation)
        {
            _operation = operation;
            _meters.InstrumentPublished = (i, l) => { if (i.Meter.Name == TelemetryNames.Meter) l.EnableMeasurementEvents(i); };
            _meters.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            _meters.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
            _meters.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = s => s.Name == TelemetryNames.ActivitySource,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a => { lock (_activities) if (a.GetTagItem("rpc.method") as string == _operation) _activities.Add(a); },
            };
            ActivitySource.AddActivityListener(_spans);
        }

        public IReadOnlyList<(string Name, double Value, Dictionary<string, string> Tags)> Measurements
        {
            get { lock (_measurements) return _measurements.Where(m => m.Tags.GetValueOrDefault("operation") == _operation).ToList(); }
        }

        public IReadOnlyList<Activity> Spans { get { lock (_activities) return _activities.ToList(); } }

        public double Sum(string name, params (string Key, string Value)[] tags) =>
            Measurements.Where(m => m.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

        public int Count(string name) => Measurements.Count(m => m.Name == name);

        public double Gauge(string name, params (string Key, string Value)[] tags)
        {
            lock (_measurements) _measurements.RemoveAll(m => m.Name == name);
            _meters.RecordObservableInstruments();
            lock (_measurements)
            {
                return _measurements.Single(m => m.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Value;
            }
        }

        public void Dispose()
        {
            _meters.Dispose();
            _spans.Dispose();
        }

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString() ?? "";
            lock (_measurements) _measurements.Add((instrument.Name, value, copy));
        }
    }
}
