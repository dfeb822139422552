using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>
/// Issue 8, Part B 5: a traffic split declared in the manifest (90 % on a named revision, 10 % on latest, a tag) is
/// honoured and never "corrected" away; a traffic change made by hand is drift, healed or reported per syncPolicy.
/// </summary>
public sealed class CloudRunTrafficTests
{
    private static readonly string NewImage = Seed001.Image.Replace("v2025.10.11", "v2025.10.12");

    [Test]
    public async Task A_declared_90_10_split_with_a_tag_is_served_as_declared_and_later_resyncs_write_nothing()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var first = Seed001.Manifest();
        await h.ConvergeAsync(first);
        var stable = (await h.ReconcileAsync(first)).Observation.Service!.LatestReadyRevision!;
        var canary = Seed001.Manifest(NewImage, traffic:
            [new CloudRunTrafficTarget(90, Revision: stable), new CloudRunTrafficTarget(10, Latest: true, Tag: "canary")]);

        await h.ConvergeAsync(canary);
        var writes = h.Writes();
        for (var i = 0; i < 5; i++)
        {
            await h.ReconcileAsync(canary);
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var service = (await h.ReconcileAsync(canary)).Observation.Service!;
        Assert.That(service.Traffic.Select(t => (t.Percent, t.Revision, t.Latest == true, t.Tag)),
            Is.EquivalentTo(new[] { (90, (string?)stable, false, (string?)null), (10, (string?)null, true, (string?)"canary") }));
        Assert.That(service.LatestReadyRevision, Is.Not.EqualTo(stable), "the new revision is ready and takes its 10 %");
        Assert.That(h.Writes(), Is.EqualTo(writes), "the declared split was rewritten");
        Assert.That(h.LastDecision, Is.InstanceOf<Decision.InSync>());
    }

    [Test]
    public async Task Traffic_moved_by_hand_is_drift_that_selfHeal_puts_back_as_declared_without_a_new_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        await h.ConvergeAsync(manifest);
        var before = (await h.ReconcileAsync(manifest)).Observation.Service!;
        await HandSetTrafficAsync(h, manifest, before.LatestReadyRevision!);

        var (_, plan) = await h.ReconcileAsync(manifest);

        Assert.That(h.LastDecision, Is.InstanceOf<Decision.Converge>());
        Assert.That(((Decision.Converge)h.LastDecision!).IsDrift, Is.True, "a change nobody committed is drift");
        Assert.That(plan.Actions.Select(a => a.Verb), Does.Contain("ShiftTraffic").And.Not.Contain("PatchCloudRunService"));
        await h.ConvergeAsync(manifest);
        var after = (await h.ReconcileAsync(manifest)).Observation.Service!;
        Assert.That(after.Traffic.Single().Latest, Is.True);
        Assert.That(after.LatestReadyRevision, Is.EqualTo(before.LatestReadyRevision), "putting traffic back made no revision");
    }

    [Test]
    public async Task With_selfHeal_off_traffic_moved_by_hand_is_reported_and_left_alone()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        manifest = manifest with { Spec = manifest.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        await h.ConvergeAsync(manifest);
        var revision = (await h.ReconcileAsync(manifest)).Observation.Service!.LatestReadyRevision!;
        await HandSetTrafficAsync(h, manifest, revision);
        var writes = h.Writes();

        var (_, plan) = await h.ReconcileAsync(manifest);

        Assert.That(plan.IsEmpty, Is.True);
        Assert.That(h.LastDecision!.DifferingFields.Select(c => c.Path), Does.Contain("traffic"));
        Assert.That(h.Writes(), Is.EqualTo(writes));
    }

    /// <summary>What <c>gcloud run services update-traffic --to-revisions REV=100</c> does.</summary>
    private static async Task HandSetTrafficAsync(CloudRunHarness h, CloudRunServiceManifest manifest, string revision)
    {
        var api = new CloudRunApiClient(h.Http, new CloudRunEndpoint(h.Host.BaseUri), FixedTokenSource.Emulator);
        var name = $"projects/{manifest.Spec.Project}/locations/{manifest.Spec.Region}/services/{manifest.Metadata.Name}";
        var body = (await api.GetServiceAsync(name, CancellationToken.None)).ForWrite();
        body.Traffic = [new TrafficTarget { Type = RunEnums.TrafficRevision, Revision = revision, Percent = 100 }];
        await api.PatchServiceAsync(body, "traffic", CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(30));
    }
}
