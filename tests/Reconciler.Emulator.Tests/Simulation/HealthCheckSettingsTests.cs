using System.Text.Json.Nodes;
using Reconciler.Emulator.Simulation;

namespace Reconciler.Emulator.Tests.Simulation;

internal sealed class HealthCheckSettingsTests
{
    [Test]
    public void Missing_members_take_the_ECS_defaults()
    {
        var settings = HealthCheckSettings.From(new JsonObject { ["command"] = new JsonArray("CMD", "true") });

        Assert.That(settings, Is.EqualTo(new HealthCheckSettings(30, 5, 3, 0)));
    }

    [TestCase(0, 30, 3, 90, TestName = "startPeriod 0 with the defaults gives up after 90 seconds (seed 000)")]
    [TestCase(120, 30, 3, 210, TestName = "startPeriod 120 with the defaults gives up after 210 seconds")]
    [TestCase(10, 5, 2, 20, TestName = "failures only count after the start period")]
    public void Give_up_time(int startPeriod, int interval, int retries, int expected) =>
        Assert.That(new HealthCheckSettings(interval, 5, retries, startPeriod).GiveUpSeconds, Is.EqualTo(expected));

    [TestCase(5, 30, 30, TestName = "an app ready after 5 s passes the first check at 30 s")]
    [TestCase(45, 30, 60, TestName = "an app ready after 45 s passes the check at 60 s")]
    [TestCase(60, 30, 60, TestName = "an app ready exactly at a check passes it")]
    [TestCase(0, 10, 10, TestName = "even an instant app waits for the first check")]
    public void First_passing_check(int ready, int interval, int expected) =>
        Assert.That(new HealthCheckSettings(interval, 5, 3, 0).FirstPassingCheck(ready), Is.EqualTo(expected));
}
