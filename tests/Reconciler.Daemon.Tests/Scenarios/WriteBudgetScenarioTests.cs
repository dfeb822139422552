using Reconciler.Core.Health;
using Reconciler.Emulator.Wire;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// <c>--max-writes-per-minute</c> end to end: a burst of new ECS and Cloud Run services needs many more writes than the
/// budget allows, the first simulated minute holds at most the budget, and every service still converges after.
/// Times are the emulator's simulated clock (the daemon's injected clock); nothing here measures wall time. The first
/// minute starts before the push, when no write has been granted: a write reaches the emulator a little after the
/// daemon took its token, never before, so the writes the emulator sees in that minute are at most the tokens granted
/// in it. Speed 20 gives the fetch and the first observe three wall seconds to reach the first write inside it.
/// </summary>
public sealed class WriteBudgetScenarioTests
{
    private const int Budget = 3;

    [Test]
    public async Task A_burst_of_changes_makes_at_most_the_budget_of_writes_in_the_first_minute_and_still_converges()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Speed = 20, Configure = s => s with { MaxWritesPerMinute = Budget } });
        var log = WriteLog.Attach(world.Cloud.Control);
        var names = ScenarioServices.Names(3);
        world.Repo.WriteFile("services/emergence-app.yaml", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Examples, "emergence-app.yaml")));
        // Before the burst no write has been granted: the first minute, and the spread of the writes, count from here.
        var start = world.Cloud.Control.Now;
        await world.Daemon.FetchAsync(ScenarioServices.Commit(world, names, "three ECS services and a Cloud Run service"));

        foreach (var name in names)
        {
            await world.Daemon.WaitForAsync(name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, $"{name} to converge");
        }
        await world.Daemon.WaitForAsync("emergence-app", r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy,
            "emergence-app to converge", "CloudRunService");

        var writes = log.Entries;
        var firstMinute = writes.Count(w => w.At < start + TimeSpan.FromMinutes(1));
        Assert.That(writes, Has.Count.GreaterThan(2 * Budget), "the burst needed more than two minutes' budget");
        Assert.That(writes.Select(w => w.Operation), Does.Contain("services.create").And.Contain("CreateService"), "both platforms wrote");
        Assert.That(firstMinute, Is.InRange(1, Budget), $"writes in the first simulated minute: {string.Join(", ", writes.Select(w => $"{(w.At - start).TotalSeconds:0}s {w.Operation}"))}");
        Assert.That(writes.Max(w => w.At) - start, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes((writes.Count - 1.0) / Budget) - TimeSpan.FromSeconds(1)),
            "the writes were spread at the budget's pace");
        Assert.That(world.Cloud.Control.CallCount("CreateService", CallOutcome.Received), Is.EqualTo(names.Count), "waiting for the budget is no failed call to retry");
    }
}
