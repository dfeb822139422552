using Reconciler.Core.Model;
using Reconciler.Core.Sharding;
using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Two replicas, <c>--shard 0/2</c> and <c>--shard 1/2</c>, follow one repository and write to one emulator: between
/// them every service converges, and the emulator's write log (by User-Agent) shows each wrote only its own keys.
/// </summary>
public sealed class ShardingScenarioTests
{
    private const int Services = 8;

    [Test]
    public async Task Two_shards_on_one_cloud_converge_every_service_between_them_each_writing_only_its_own()
    {
        var names = ScenarioServices.Names(Services);
        var owners = names.ToDictionary(n => n, n => ShardAssignment.ShardOf(new ResourceKey("EcsService", n), 2));
        Assert.That(owners.Values.Distinct().Count(), Is.EqualTo(2), "both shards own some of the services");
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Configure = s => s with { Shard = new ShardAssignment(0, 2) } });
        await using var second = await RunningDaemon.StartAsync(world.Settings() with { Shard = new ShardAssignment(1, 2), WorkDir = world.NewWorkDir() }, world.Emulator);
        var log = WriteLog.Attach(world.Cloud.Control);
        RunningDaemon[] daemons = [world.Daemon, second];

        var sha = ScenarioServices.Commit(world, names, "eight services");
        await Task.WhenAll(daemons.Select(d => d.FetchAsync(sha)));
        foreach (var name in names)
        {
            await daemons[owners[name]].WaitForAsync(name, r => r.LastKnownGood is not null, $"{name} to converge on shard {owners[name]}");
        }

        for (var shard = 0; shard < 2; shard++)
        {
            var own = names.Where(n => owners[n] == shard).ToList();
            var agent = $"reconciler (shard {shard}/2)";
            var written = log.Entries.Where(w => w.UserAgent == agent).Select(w => w.Resource).Distinct().ToList();
            Assert.That(written, Is.EquivalentTo(own), $"shard {shard} wrote exactly its own services");
            Assert.That(daemons[shard].Status.All().Select(r => r.Name), Is.EquivalentTo(own), $"shard {shard} lists only its own");
            var document = StatusDocument.From(daemons[shard].Status);
            Assert.That(document.Shard, Is.EqualTo(new ShardDocument(shard, 2, own.Count, Services - own.Count)));
        }
        Assert.That(log.Entries.Select(w => w.UserAgent).Distinct(), Is.EquivalentTo(new[] { "reconciler (shard 0/2)", "reconciler (shard 1/2)" }),
            "every write came from one of the two shards");
    }
}
