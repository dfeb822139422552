using System.Diagnostics.Metrics;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Planning;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// Owns every instrument (one place, STYLE §10). Labels are low-cardinality: kind, outcome, action, result —
/// never a resource name with an error string, never a secret.
/// </summary>
public sealed class ReconcilerMetrics : IDisposable
{
    public const string MeterName = "Reconciler";
    private readonly Meter _meter = new(MeterName);

    /// <summary>This instance's meter (the exporter listens to it alone).</summary>
    internal Meter Meter => _meter;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _rollbacks;
    private readonly Counter<long> _actions;
    private readonly Counter<long> _fetches;
    private int _manifestErrors;

    public ReconcilerMetrics()
    {
        _reconciles = _meter.CreateCounter<long>("reconciler_reconcile_total", description: "Reconciles by kind and outcome.");
        _duration = _meter.CreateHistogram<double>("reconciler_reconcile_duration_seconds", "s", "Duration of one reconcile.");
        _drift = _meter.CreateCounter<long>("reconciler_drift_total", description: "Changes made outside git detected on managed fields.");
        _rollbacks = _meter.CreateCounter<long>("reconciler_rollbacks_total", description: "Automatic rollbacks to the last known-good version.");
        _actions = _meter.CreateCounter<long>("reconciler_actions_total", description: "Planned actions executed, by action.");
        _fetches = _meter.CreateCounter<long>("reconciler_source_fetch_total", description: "Desired-state source fetches by result.");
        _meter.CreateObservableGauge("reconciler_manifest_errors", () => Volatile.Read(ref _manifestErrors),
            description: "Manifest errors in the current source revision (their resources keep their last good state).");
    }

    public void RecordReconcile(string kind, ReconcileOutcome outcome, TimeSpan elapsed)
    {
        var label = outcome switch
        {
            ReconcileOutcome.Converged => "converged",
            ReconcileOutcome.Waiting => "waiting",
            ReconcileOutcome.Stalled => "stalled",
            _ => "failed",
        };
        _reconciles.Add(1, new("kind", kind), new("outcome", label));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }

    public void RecordActions(string kind, Plan plan)
    {
        foreach (var action in plan.Actions)
        {
            _actions.Add(1, new("kind", kind), new("action", action.Verb));
        }
    }

    public void RecordDrift(string kind) => _drift.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RecordRollback(string kind) => _rollbacks.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RecordFetch(bool success) => _fetches.Add(1, new KeyValuePair<string, object?>("result", success ? "success" : "error"));

    public void SetManifestErrors(int count) => Volatile.Write(ref _manifestErrors, count);

    public void Dispose() => _meter.Dispose();
}
