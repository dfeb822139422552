using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reconciler.Daemon.Tests.Telemetry;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>) serving recorded series: the test writes counters as OpenMetrics,
/// <c>promtool tsdb create-blocks-from openmetrics</c> turns them into TSDB blocks, and Prometheus starts on them with
/// nothing to scrape, bound to 127.0.0.1 on a free port, ready when it logs so. Stopped by its PID.
/// </summary>
internal sealed class RecordedPrometheus : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly PrometheusProcess _process;

    private RecordedPrometheus(PrometheusProcess process) => _process = process;

    public Uri Address => _process.Address;

    /// <summary>One series of <c>http_requests_total</c>: its labels and how many requests a second it counts.</summary>
    public sealed record Series(string Service, string Code, double PerSecond);

    /// <summary>Ignores the test when Prometheus is not installed here (.ci/run installs it, so CI always runs it).</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists("/usr/bin/prometheus") || !File.Exists("/usr/bin/promtool"))
        {
            Assert.Ignore("prometheus and promtool are not installed: apt-get install -y prometheus (.ci/run does)");
        }
    }

    /// <summary>Records <paramref name="series"/> from <paramref name="from"/> to <paramref name="to"/>, one sample every <paramref name="step"/>.</summary>
    public static async Task<RecordedPrometheus> StartAsync(IReadOnlyList<Series> series, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        RequireInstalled();
        var dir = Directory.CreateTempSubdirectory("reconciler-prometheus-recorded-");
        try
        {
            var metrics = Path.Combine(dir.FullName, "recorded.om.txt");
            var data = Path.Combine(dir.FullName, "data");
            await File.WriteAllTextAsync(metrics, OpenMetrics(series, from, to, step));
            await RunAsync("/usr/bin/promtool", ["tsdb", "create-blocks-from", "openmetrics", metrics, data]);
            var config = Path.Combine(dir.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
            return new RecordedPrometheus(await PrometheusProcess.StartAsync(dir, config, data, "--storage.tsdb.retention.time=3650d"));
        }
        catch
        {
            dir.Refresh();
            if (dir.Exists) dir.Delete(recursive: true);
            throw;
        }
    }

    private static string OpenMetrics(IReadOnlyList<Series> series, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var text = new StringBuilder("# TYPE http_requests counter\n");
        foreach (var s in series)
        {
            for (var t = from; t <= to; t += step)
            {
                var value = s.PerSecond * (t - from).TotalSeconds;
                text.Append(CultureInfo.InvariantCulture,
                    $"http_requests_total{{service=\"{s.Service}\",code=\"{s.Code}\"}} {value:0.###} {t.ToUnixTimeSeconds()}\n");
            }
        }
        return text.Append("# EOF\n").ToString();
    }

    private static async Task RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Guard);
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', args)} failed:\n{await stdout}\n{await stderr}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
