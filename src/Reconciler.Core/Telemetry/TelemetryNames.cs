namespace Reconciler.Core.Telemetry;

/// <summary>
/// The one Meter and ActivitySource name every project records under. The engine's <c>ReconcilerMetrics</c> and the
/// platforms' <see cref="CloudApiTelemetry"/> both create instruments on a Meter of this name; the daemon subscribes
/// the OpenTelemetry SDK to it once, so a platform never needs a reference to the engine to be measured.
/// </summary>
public static class TelemetryNames
{
    public const string Meter = "Reconciler";

    public const string ActivitySource = "Reconciler";
}
