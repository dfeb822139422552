using System.Diagnostics.Metrics;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Planning;
using Reconciler.Core.Telemetry;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// Owns every instrument of the engine (one place, STYLE §10), on the <see cref="TelemetryNames.Meter"/> meter that the
/// daemon's OpenTelemetry Prometheus exporter reads (cloud-call instruments: <see cref="CloudApiTelemetry"/>). Names are
/// the Prometheus ones (docs/metrics.md): counters already end in <c>_total</c> and durations carry unit "s", so the
/// exporter adds no suffix. Labels are bounded: kind, resource name, result, action, a fixed reason word, the git
/// revision of the one current source — never an error string or a secret.
/// </summary>
public sealed class ReconcilerMetrics : IDisposable
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];
    private readonly Meter _meter = new(TelemetryNames.Meter);

    /// <summary>This instance's meter (tests listen to it alone; the daemon's SDK subscribes by name).</summary>
    internal Meter Meter => _meter;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _rollbacks;
    private readonly Histogram<double> _rollouts;
    private readonly Counter<long> _actions;
    private readonly Counter<long> _fetches;
    private readonly Counter<long> _verificationChecks;
    private readonly Histogram<double> _queueWait;
    private long _queueRetries;
    private readonly SourceGauges _source = new();
    private readonly RolloutClock _rolloutClock = new();
    private Func<int> _queueDepth = () => 0;

    /// <param name="status">The store the per-resource gauges are read from at scrape time (none: no resource gauges).</param>
    public ReconcilerMetrics(StatusStore? status = null)
    {
        _reconciles = _meter.CreateCounter<long>("reconciler_reconcile_total", description: "Reconciles by kind and result (converged, waiting, stalled, error).");
        _duration = Histogram("reconciler_reconcile_duration_seconds", "Duration of one reconcile.");
        _drift = _meter.CreateCounter<long>("reconciler_drift_detected_total", description: "Changes made outside git detected on managed fields, once per detection.");
        _rollbacks = _meter.CreateCounter<long>("reconciler_rollbacks_total", description: "Automatic rollbacks to the last known-good version, by reason.");
        _rollouts = Histogram("reconciler_rollout_duration_seconds", "From applying a new version to its rollout completing or failing (the cloud's clock).");
        _actions = _meter.CreateCounter<long>("reconciler_actions_total", description: "Planned actions executed, by kind and action.");
        _fetches = _meter.CreateCounter<long>("reconciler_source_fetch_total", description: "Desired-state source fetches by result (success, error).");
        _verificationChecks = _meter.CreateCounter<long>("reconciler_verification_checks_total",
            description: "spec.verify checks run (HTTP probes and Prometheus queries), by resource kind, check name and result (pass, fail, inconclusive).");
        _queueWait = Histogram("reconciler_workqueue_wait_seconds", "Time a key waited in the work queue before a worker took it.");
        // Observable, so the series exists (at 0) before the first retry and an alert's rate() has something to read.
        _meter.CreateObservableCounter("reconciler_workqueue_retries_total", () => Interlocked.Read(ref _queueRetries),
            description: "Keys re-queued with back-off after a failed reconcile.");
        _meter.CreateObservableGauge("reconciler_workqueue_depth", () => _queueDepth(), description: "Keys waiting in the work queue.");
        _source.Register(_meter);
        if (status is not null)
        {
            ResourceGauges.Register(_meter, status);
        }
    }


    public void RecordReconcile(string kind, ReconcileOutcome outcome, TimeSpan elapsed)
    {
        _reconciles.Add(1, new("kind", kind), new("result", OutcomeLabel.Of(outcome)));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }

    public void RecordActions(string kind, Plan plan)
    {
        foreach (var action in plan.Actions)
        {
            _actions.Add(1, new("kind", kind), new("action", action.Verb));
        }
    }

    public void RecordDrift(ResourceKey key) => _drift.Add(1, new("kind", key.Kind), new("name", key.Name));

    /// <param name="cause">Why the rollout failed; its fixed word (<see cref="RollbackReason.Of"/>) is the label.</param>
    public void RecordRollback(ResourceKey key, Core.Rollout.RolloutFailure cause) =>
        _rollbacks.Add(1, new("kind", key.Kind), new("name", key.Name), new("reason", RollbackReason.Of(cause)));

    /// <summary>A change was applied: the resource's rollout is timed from the first such moment.</summary>
    public void RolloutApplied(ResourceKey key, DateTimeOffset at) => _rolloutClock.Started(key, at);

    /// <summary>The rollout ended: <paramref name="result"/> is completed, rolled_back or failed; nothing if its start was not seen.</summary>
    public bool RolloutEnded(ResourceKey key, string result, DateTimeOffset at)
    {
        if (_rolloutClock.Ended(key, at) is not { } elapsed) return false;
        _rollouts.Record(elapsed.TotalSeconds, new("kind", key.Kind), new("result", result));
        return true;
    }

    /// <summary>In sync without a rollout to judge (a scale, a tag): stop timing.</summary>
    public void RolloutAbandoned(ResourceKey key) => _rolloutClock.Forget(key);

    /// <param name="check">The check's name: bounded (at most 10 per resource, validated to 32 characters of [a-z0-9-]).</param>
    public void RecordVerificationCheck(string kind, string check, Core.Verification.CheckResult result) =>
        _verificationChecks.Add(1, new("kind", kind), new("check", check), new("result", result.ToString().ToLowerInvariant()));

    public void RecordFetch(bool success, DateTimeOffset? at = null)
    {
        _fetches.Add(1, new KeyValuePair<string, object?>("result", success ? "success" : "error"));
        if (success && at is { } when) _source.Succeeded(when);
    }

    public void SetManifestErrors(int count) => _source.SetManifestErrors(count);

    public void SetSourceRevision(string revision) => _source.SetRevision(revision);

    /// <summary>The queue whose length <c>reconciler_workqueue_depth</c> shows (the daemon has one).</summary>
    public void TrackQueueDepth(Func<int> depth) => _queueDepth = depth;

    public void RecordQueueWait(TimeSpan waited) => _queueWait.Record(waited.TotalSeconds);

    public void RecordQueueRetry() => Interlocked.Increment(ref _queueRetries);

    public void Dispose() => _meter.Dispose();

    private Histogram<double> Histogram(string name, string description) =>
        _meter.CreateHistogram(name, "s", description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
}
