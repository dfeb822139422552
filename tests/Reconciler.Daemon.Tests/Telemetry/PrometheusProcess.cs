using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// A real Prometheus process (Debian's <c>prometheus</c>) that owns a temporary directory: bound to 127.0.0.1 on a
/// free port, ready when it logs so (no polling), stopped by its PID and its directory deleted on dispose. Both the
/// scraping server (<see cref="PrometheusServer"/>) and the one serving recorded series start through here.
/// </summary>
internal sealed class PrometheusProcess : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly DirectoryInfo _dir;

    private PrometheusProcess(Process process, DirectoryInfo dir, int port, StderrLog log)
    {
        _process = process;
        _dir = dir;
        Log = log;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    public StderrLog Log { get; }

    /// <summary>Starts Prometheus on <paramref name="config"/> and <paramref name="data"/> (both inside <paramref name="dir"/>, which it then owns).</summary>
    public static async Task<PrometheusProcess> StartAsync(DirectoryInfo dir, string config, string data, params string[] extra)
    {
        if (!File.Exists("/usr/bin/prometheus"))
        {
            throw new AssertionException("prometheus is not installed: apt-get install -y prometheus (.ci/run does)");
        }
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/prometheus", [
            $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=info", .. extra])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new PrometheusProcess(process, dir, port, new StderrLog(process));
        try
        {
            await server.Log.ReadyAsync(Guard);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Process.GetProcessById(_process.Id).Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(Guard);
            }
        }
        finally
        {
            _process.Dispose();
            _dir.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
