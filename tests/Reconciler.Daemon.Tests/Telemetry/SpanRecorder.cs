using System.Collections.Concurrent;
using System.Diagnostics;
using Reconciler.Core.Telemetry;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>Every span of the Reconciler activity source that ends while this listens (process-wide, like the SDK's own listener).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.ActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    /// <summary>Each span as "name: key=value ..." with its status description, for leak checks and failure output.</summary>
    public IEnumerable<string> Describe() => Spans.Select(s =>
        $"{s.DisplayName} [{s.TraceId}/{s.SpanId} parent {s.ParentSpanId}] {string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {s.StatusDescription}");

    public void Dispose() => _listener.Dispose();
}
