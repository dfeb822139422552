using System.Diagnostics.Metrics;

namespace Reconciler.Engine.Metrics;

/// <summary>The source's gauges: manifest errors, the time of the last successful fetch, and the current revision as an info series.</summary>
internal sealed class SourceGauges
{
    private int _manifestErrors;
    private double _lastSuccess = double.NaN;
    private string? _revision;

    public void Register(Meter meter)
    {
        meter.CreateObservableGauge("reconciler_manifest_errors", () => Volatile.Read(ref _manifestErrors),
            description: "Manifest errors in the current source revision (their resources keep their last good state).");
        meter.CreateObservableGauge("reconciler_source_last_success_timestamp_seconds", LastSuccess, unit: "s",
            description: "Unix time of the last successful fetch of the desired-state source.");
        meter.CreateObservableGauge("reconciler_source_revision_info", Revision,
            description: "1 for the source revision the daemon reconciles towards.");
    }

    public void SetManifestErrors(int count) => Volatile.Write(ref _manifestErrors, count);

    public void Succeeded(DateTimeOffset at) => Volatile.Write(ref _lastSuccess, at.ToUnixTimeMilliseconds() / 1000.0);

    public void SetRevision(string revision) => Volatile.Write(ref _revision, revision);

    private IEnumerable<Measurement<double>> LastSuccess()
    {
        var value = Volatile.Read(ref _lastSuccess);
        return double.IsNaN(value) ? [] : [new Measurement<double>(value)];
    }

    private IEnumerable<Measurement<int>> Revision() =>
        Volatile.Read(ref _revision) is { } revision ? [new Measurement<int>(1, new KeyValuePair<string, object?>("revision", revision))] : [];
}
