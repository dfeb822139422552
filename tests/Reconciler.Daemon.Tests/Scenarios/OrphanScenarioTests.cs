namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>A manifest deleted from git leaves its service running (prune is off) and the resource is reported as an orphan.</summary>
public sealed class OrphanScenarioTests
{
    [Test]
    public async Task A_deleted_manifest_leaves_the_service_in_place_and_reports_an_orphan()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null, "web to converge");
        var writes = world.Cloud.WriteCalls();

        world.Repo.DeleteFile(WebManifest.File);
        var removal = world.Repo.Commit("remove web");
        await world.Daemon.FetchAsync(removal);
        var orphan = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Orphaned, "web to be reported as an orphan");

        Assert.That(orphan.Message, Does.Contain("no longer declared in git"));
        Assert.That(world.Cloud.WriteCalls(), Is.EqualTo(writes), "nothing deleted or scaled down");
        Assert.That((await world.Cloud.WebAsync()).DesiredCount, Is.EqualTo(2));
    }
}
