using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>A real Prometheus scrapes the daemon through the telemetry scenario; what it stored is read back through its HTTP API.</summary>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>The request log line of one scrape (the message renders its strings quoted).</summary>
    private static bool IsScrape(string line) =>
        line.Contains("\"/metrics\" responded 200", StringComparison.Ordinal);

    [Test]
    public async Task Prometheus_scraping_the_daemon_sees_the_rollback_the_out_of_sync_resource_and_the_throttling()
    {
        await using var world = await DaemonHarness.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(world.Daemon.BaseUri);

        await TelemetryScenario.RunAsync(world);
        // Two scrapes that began after the scenario ended: the first is then surely stored (one target is scraped in turn).
        for (var i = 0; i < 2; i++)
        {
            try
            {
                await world.Daemon.Log.NextLineAsync(IsScrape, Guard);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"no scrape reached the daemon.\nprometheus log:\n{prometheus.Log}\ndaemon log:\n{world.Daemon.Log}");
            }
        }

        var rollbacks = await prometheus.QueryAsync("""reconciler_rollbacks_total{job="reconciler",name="web"}""");
        var synced = await prometheus.QueryAsync("""reconciler_resource_synced{job="reconciler",kind="EcsService",name="web"}""");
        var throttled = await prometheus.QueryAsync("""sum by (provider, operation) (reconciler_cloud_api_throttled_total{job="reconciler"})""");
        var up = await prometheus.QueryAsync("""up{job="reconciler"}""");

        var context = $"prometheus log:\n{prometheus.Log}";
        Assert.That(up.Single().Value, Is.EqualTo(1), context);
        Assert.That(rollbacks.Single().Value, Is.EqualTo(1), context);
        Assert.That(rollbacks.Single().Labels["reason"], Is.EqualTo("tasks_stopping"));
        Assert.That(synced.Single().Value, Is.EqualTo(0), "rolled back, so out of sync with git");
        Assert.That(throttled.Single().Labels["operation"], Is.EqualTo("DescribeServices"));
        Assert.That(throttled.Single().Value, Is.EqualTo(TelemetryScenario.Throttles));
    }
}
