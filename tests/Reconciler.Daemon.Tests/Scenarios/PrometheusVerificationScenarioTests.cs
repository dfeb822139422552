using Reconciler.Core.Health;
using Reconciler.Engine.Status;
using static Reconciler.Daemon.Tests.Scenarios.RecordedPrometheus;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 12, the Prometheus gate on the emulator: a real Prometheus answers the error-rate query of the issue over
/// recorded series (a healthy service at about 0.1 % errors, a failing one at about 9 %, and one with no data). The
/// healthy release passes its five evaluations and completes; the failing one rolls back with the value as evidence;
/// no data is inconclusive, and past inconclusiveLimit it rolls back too.
/// </summary>
public sealed class PrometheusVerificationScenarioTests
{
    private static string ErrorRate(string service) =>
        $"sum(rate(http_requests_total{{service=\"{service}\",code=~\"5..\"}}[5m])) / sum(rate(http_requests_total{{service=\"{service}\"}}[5m]))";

    [Test]
    public async Task A_release_passes_on_a_healthy_series_rolls_back_on_one_above_the_threshold_and_on_no_data_past_the_inconclusive_limit()
    {
        RequireInstalled();
        // Speed 60 (a simulated minute a wall second): the recorded two days outlast any slow CI run.
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Speed = 60 });
        var now = world.Cloud.Control.Now;
        await using var prometheus = await StartAsync(
            [new("healthy", "200", 10), new("healthy", "500", 0.01), new("failing", "200", 10), new("failing", "500", 1)],
            now.AddHours(-1), now.AddHours(48), TimeSpan.FromMinutes(1));

        await world.PushAsync(WebManifest.Yaml("v1", verify: VerifyBlock.Prometheus(prometheus.Address, ErrorRate("healthy"))), "web v1");
        var good = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood?.EndsWith("web:1") == true && r.Health == HealthStatus.Healthy, "v1 to pass its five evaluations");
        var check = good.Verification!.Checks.Single();
        Assert.That((good.Verification.Result, check.Passes, check.Failures, check.Inconclusives), Is.EqualTo((VerificationStatus.Passed, 5, 0, 0)));
        Assert.That(check.Evidence, Does.StartWith("value 0.000999").And.EndWith("< 0.01"));

        var failing = await world.PushAsync(WebManifest.Yaml("v2", verify: VerifyBlock.Prometheus(prometheus.Address, ErrorRate("failing"))), "web v2");
        var rolledBack = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.DesiredRevision == failing && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry web"), "v2 to roll back");
        Assert.That(rolledBack.Events.Last(e => e.Reason == "RollBack").Message, Does.Contain("check error-rate failed 1 time").And.Contain("value 0.0909").And.Contain("wants < 0.01"));
        Assert.That(rolledBack.LastKnownGood, Does.EndWith("web:1"));

        var silent = await world.PushAsync(WebManifest.Yaml("v3", verify: VerifyBlock.Prometheus(prometheus.Address, ErrorRate("silent"), inconclusiveLimit: 1)), "web v3");
        var noData = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.DesiredRevision == silent && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry web"), "v3 to roll back on no data");
        Assert.That(noData.Events.Last(e => e.Reason == "RollBack").Message,
            Does.Contain("check error-rate was inconclusive 2 times (inconclusiveLimit 1): the query returned no data"));
        Assert.That(noData.Verification!.Checks.Single().Inconclusives, Is.EqualTo(2));
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"));
    }
}
