using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>) for one test: bound to 127.0.0.1 on a free port, its TSDB in a
/// temporary directory, scraping one target every second; ready when it logs so (no polling), stopped by its PID.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly PrometheusProcess _process;
    private readonly HttpClient _http;

    private PrometheusServer(PrometheusProcess process)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<PrometheusServer> StartAsync(Uri target)
    {
        var dir = Directory.CreateTempSubdirectory("reconciler-prometheus-");
        var config = Path.Combine(dir.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: reconciler
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        return new PrometheusServer(await PrometheusProcess.StartAsync(dir, config, Path.Combine(dir.FullName, "data")));
    }

    /// <summary>An instant query through the HTTP API; returns the result vector's values by the given label.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{promql}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
            (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
            double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    public string Log => _process.Log.ToString();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
