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

        var sha = ScenarioServices.Commit(world, names, "eight services", prune: true);
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

        // An orphan belongs to the shard its key hashes to: one removed service per shard, each pruned by its owner only.
        var removed = new[] { names.First(n => owners[n] == 0), names.First(n => owners[n] == 1) };
        var before = log.Entries.Count;
        foreach (var name in removed)
        {
            world.Repo.DeleteFile($"services/{name}.yaml");
        }
        var pruned = world.Repo.Commit("remove one service of each shard");
        await Task.WhenAll(daemons.Select(d => d.FetchAsync(pruned)));
        foreach (var name in removed)
        {
            await daemons[owners[name]].WaitForAsync(name, r => r.Orphaned && r.Message.StartsWith("pruned: scaled to 0", StringComparison.Ordinal),
                $"{name} to be pruned by shard {owners[name]}");
        }
        var prunes = log.Entries.Skip(before).Where(w => w.Operation == "UpdateService").ToList();
        Assert.That(prunes.Select(w => (w.Resource, w.UserAgent)), Is.EquivalentTo(removed.Select(n => ((string?)n, $"reconciler (shard {owners[n]}/2)"))),
            "each orphan was scaled down once, by its own shard");
        Assert.That(daemons.Select((d, shard) => removed.Count(n => d.Resource(n) is not null && owners[n] != shard)), Is.All.Zero, "no shard reports another's orphan");
    }

    [Test]
    public async Task A_retry_sent_to_the_wrong_shard_names_the_right_one_and_queues_nothing()
    {
        var owner = ShardAssignment.ShardOf(new ResourceKey("EcsService", WebManifest.Name), 2);
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Configure = s => s with { Shard = new ShardAssignment(1 - owner, 2) } },
            WebManifest.Yaml("v1"));
        await world.Daemon.WaitAsync(s => s.Source.Revision is not null, "the first fetch");

        var response = await world.Daemon.Http.PostAsync($"retry/EcsService/{WebManifest.Name}", null);

        Assert.That((int)response.StatusCode, Is.EqualTo(421));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"EcsService/web belongs to shard {owner} of 2, not this replica ({1 - owner}/2)"));
        Assert.That(world.Cloud.WriteCalls(), Is.Zero, "this shard never writes web");
    }
}
