namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The prune guardrail end to end: a commit that empties the repository does not scale down a service that has prune
/// on; the service is reported Stalled with the reason, and nothing is written to the cloud.
/// </summary>
public sealed class PruneGuardScenarioTests
{
    private static string PrunableWeb() =>
        WebManifest.Yaml("v1").Replace("\n  deployment:", "\n  syncPolicy:\n    prune: true\n  deployment:", StringComparison.Ordinal);

    [Test]
    public async Task A_commit_that_deletes_every_manifest_prunes_nothing_and_reports_why()
    {
        await using var world = await DaemonHarness.StartAsync();
        Assert.That(PrunableWeb(), Does.Contain("prune: true"));
        await world.PushAsync(PrunableWeb(), "web v1, prune on");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null, "web to converge");
        var writes = world.Cloud.WriteCalls();

        world.Repo.DeleteFile(WebManifest.File);
        var emptied = world.Repo.Commit("remove everything");
        await world.Daemon.FetchAsync(emptied);
        var held = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Orphaned && r.Message.StartsWith("prune refused", StringComparison.Ordinal),
            "web to be held by the prune guard");

        Assert.That(held.Message, Does.Contain("declares no resources at all, which would prune 1 of 1"));
        Assert.That(held.Conditions.Single(c => c.Type == "Stalled").Status, Is.True);
        Assert.That(world.Cloud.WriteCalls(), Is.EqualTo(writes), "nothing scaled down");
        Assert.That((await world.Cloud.WebAsync()).DesiredCount, Is.EqualTo(2));
    }
}
