using OpenTelemetry.Metrics;

namespace Reconciler.Daemon.Telemetry;

/// <summary>
/// One view over every instrument (OpenTelemetry makes one stream per matching view, so both concerns live here):
/// <list type="bullet">
/// <item>Renames the few runtime and process instruments whose OpenTelemetry names end in ".count" while they are
/// gauges: Prometheus reserves <c>_count</c> for histograms and summaries, and <c>promtool check metrics</c> flags
/// them. The new names follow Prometheus' own process collector where it has one (<c>process_open_fds</c>).</item>
/// <item>Sizes each stream's cardinality limit to its labels. The SDK allocates every stream's points up front
/// (2,000 by default, ~70 bytes each): 48 streams held 6.9 MB of a 19 MB live heap at 1,000 services. Per-resource
/// series get <see cref="ResourceSeries"/>, cloud API and verification series <see cref="WideSeries"/>, the rest
/// (labels such as kind × result, or none) <see cref="NarrowSeries"/>.</item>
/// </list>
/// </summary>
internal static class PrometheusNames
{
    /// <summary>
    /// Series of an instrument labelled by resource name (the SDK's default): one replica reports up to this many
    /// resources; more need sharding (<c>--shard</c>), beyond it the SDK folds new series into one overflow series.
    /// </summary>
    public const int ResourceSeries = 2000;
    public const int WideSeries = 1000;
    public const int NarrowSeries = 200;

    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
        ["process.thread.count"] = "process.threads",
        ["process.unix.file_descriptor.count"] = "process.open_fds",
    };

    /// <summary>Counters labelled by resource name besides the <c>reconciler_resource_*</c> gauges.</summary>
    private static readonly HashSet<string> PerResource = new(StringComparer.Ordinal) { "reconciler_drift_detected_total", "reconciler_rollbacks_total" };

    public static MeterProviderBuilder AddPrometheusFriendlyNames(this MeterProviderBuilder metrics) =>
        metrics.AddView(instrument => Stream(instrument.Name));

    public static MetricStreamConfiguration Stream(string instrument)
    {
        var stream = Renames.TryGetValue(instrument, out var name) ? new MetricStreamConfiguration { Name = name } : new MetricStreamConfiguration();
        stream.CardinalityLimit = SeriesLimit(instrument);
        return stream;
    }

    public static int SeriesLimit(string instrument) =>
        instrument.StartsWith("reconciler_resource_", StringComparison.Ordinal) || PerResource.Contains(instrument) ? ResourceSeries
        : instrument.StartsWith("reconciler_cloud_api_", StringComparison.Ordinal) || instrument == "reconciler_verification_checks_total" ? WideSeries
        : NarrowSeries;
}
