using OpenTelemetry.Metrics;

namespace Reconciler.Daemon.Telemetry;

/// <summary>
/// Renames the few runtime and process instruments whose OpenTelemetry names end in ".count" while they are gauges:
/// Prometheus reserves <c>_count</c> for histograms and summaries, and <c>promtool check metrics</c> flags them. The
/// new names follow Prometheus' own process collector where it has one (<c>process_open_fds</c>).
/// </summary>
internal static class PrometheusNames
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
        ["process.thread.count"] = "process.threads",
        ["process.unix.file_descriptor.count"] = "process.open_fds",
    };

    public static MeterProviderBuilder AddPrometheusFriendlyNames(this MeterProviderBuilder metrics) =>
        metrics.AddView(instrument => Renames.TryGetValue(instrument.Name, out var name) ? new MetricStreamConfiguration { Name = name } : null);
}
