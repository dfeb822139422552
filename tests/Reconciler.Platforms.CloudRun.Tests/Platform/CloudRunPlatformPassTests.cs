using Reconciler.Core.CloudRun;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.CloudRun.Tests.Support;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>
/// A pass (<see cref="IPassObserver.BeginPassAsync"/>) lists each location once up front; the keys then observed one
/// after another — which the concurrent batcher alone cannot coalesce — use what was listed.
/// </summary>
public sealed class CloudRunPlatformPassTests
{
    private static List<Core.CloudRun.CloudRunServiceManifest> Services(int n) =>
        Enumerable.Range(1, n).Select(i => Seed001.Manifest(name: $"svc-{i:D2}")).ToList();

    private static async Task<CloudRunHarness> ConvergedAsync(IReadOnlyList<Core.CloudRun.CloudRunServiceManifest> manifests)
    {
        var h = await CloudRunHarness.StartAsync();
        foreach (var m in manifests)
        {
            await h.ConvergeAsync(m);
        }
        h.Time.Advance(TimeSpan.FromMinutes(2));
        return h;
    }

    private static int AllReads(CloudRunHarness h) => h.Count(CallOutcome.Received, "services.list", "services.get", "revisions.list");

    [Test]
    public async Task A_pass_over_25_unchanged_services_of_one_location_makes_1_services_list_call_and_no_other()
    {
        var manifests = Services(25);
        await using var h = await ConvergedAsync(manifests);
        var before = (List: h.Count(CallOutcome.Received, "services.list"), All: AllReads(h), Writes: h.Writes());

        await h.Platform.BeginPassAsync(manifests, CancellationToken.None);
        foreach (var m in manifests)
        {
            var observation = (CloudRunObservation)await h.Platform.ObserveAsync(m, CancellationToken.None);
            Assert.That(observation.Service?.Name.Split('/')[^1], Is.EqualTo(m.Metadata.Name));
        }

        Assert.That(h.Count(CallOutcome.Received, "services.list") - before.List, Is.EqualTo(1));
        Assert.That(AllReads(h) - before.All, Is.EqualTo(1), "no services.get, no revisions.list");
        Assert.That(h.Writes() - before.Writes, Is.Zero);
    }

    [Test]
    public async Task A_listed_service_is_not_used_after_a_write_to_it_and_each_listing_serves_one_observation()
    {
        var manifests = Services(3);
        await using var h = await ConvergedAsync(manifests);
        await h.Platform.BeginPassAsync(manifests, CancellationToken.None);
        var gets = h.Count(CallOutcome.Received, "services.get");

        // A write to svc-01 after the listing: its next observation reads the service again.
        await h.Platform.ApplyAsync(new Plan(manifests[0].Key, []), new ApplyContext(null), CancellationToken.None);
        await h.Platform.ObserveAsync(manifests[0], CancellationToken.None);
        Assert.That(h.Count(CallOutcome.Received, "services.get") - gets, Is.EqualTo(1));

        // svc-02 uses its listing once; a second observation in the same pass reads again.
        await h.Platform.ObserveAsync(manifests[1], CancellationToken.None);
        Assert.That(h.Count(CallOutcome.Received, "services.get") - gets, Is.EqualTo(1));
        await h.Platform.ObserveAsync(manifests[1], CancellationToken.None);
        Assert.That(h.Count(CallOutcome.Received, "services.get") - gets, Is.EqualTo(2));
    }
}
