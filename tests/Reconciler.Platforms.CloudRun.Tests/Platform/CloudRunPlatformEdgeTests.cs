using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.CloudRun.Naming;
using Reconciler.Platforms.CloudRun.Tests.Support;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>Services Reconciler did not create, taken revision names, failed revisions, traffic-only writes, batching.</summary>
public sealed class CloudRunPlatformEdgeTests
{
    [Test]
    public async Task A_service_last_deployed_by_gcloud_with_template_revision_set_converges_with_one_new_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        await CreateByHandAsync(h, manifest, "emergence-app-00001-abc", Seed001.Image);
        h.Time.Advance(TimeSpan.FromMinutes(2));

        var story = await h.ConvergeAsync(manifest);

        Assert.That(story[0], Is.EqualTo("PatchCloudRunService"), string.Join(" → ", story));
        var revisions = await h.RevisionsAsync(manifest);
        Assert.That(revisions, Has.Count.EqualTo(2));
        Assert.That(revisions[0], Does.StartWith("emergence-app-").And.Not.EqualTo("emergence-app-00001-abc"));
    }

    [Test]
    public async Task A_revision_name_taken_by_a_different_template_is_deployed_under_the_longer_deterministic_name()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        var resolved = ((CloudRunObservation)await h.Platform.ObserveAsync(manifest, CancellationToken.None)).Desired;
        var fingerprint = SpecFingerprint.Of(resolved.Spec);
        await CreateByHandAsync(h, manifest, RevisionNames.For("emergence-app", fingerprint), Seed001.Image + "-other");
        h.Time.Advance(TimeSpan.FromMinutes(2));

        await h.ConvergeAsync(manifest);

        var (observation, _) = await h.ReconcileAsync(manifest);
        Assert.That(observation.Service!.LatestReadyRevision, Is.EqualTo(RevisionNames.ForConflict("emergence-app", fingerprint)));
    }

    [Test]
    public async Task A_failing_revision_is_observed_with_its_revision_reason_and_rolled_back_to_the_revision_still_serving()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var good = Seed001.Manifest();
        await h.ConvergeAsync(good);
        var (before, _) = await h.ReconcileAsync(good);
        var bad = Seed001.Manifest(Seed001.Image + "-unhealthy");
        await h.ReconcileAsync(bad);
        h.Time.Advance(TimeSpan.FromMinutes(2));

        var (after, plan) = await h.ReconcileAsync(bad);

        var service = after.Service!;
        var failed = service.Revision(service.LatestCreatedRevision!);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Actions.OfType<RollBack>().Single().TargetVersion, Is.EqualTo(before.Service!.LatestReadyRevision));
            Assert.That(plan.Actions.OfType<TagService>().Single().Tags[CloudRunAnnotations.FailedFingerprint], Is.EqualTo(SpecFingerprint.Of(after.Desired.Spec)));
            Assert.That(service.TerminalCondition?.State, Is.EqualTo(CloudRunConditionStates.Failed));
            Assert.That(failed?.Failure?.RevisionReason, Is.EqualTo("HEALTH_CHECK_CONTAINER_ERROR"));
            Assert.That(service.LatestReadyRevision, Is.EqualTo(before.Service!.LatestReadyRevision));
            Assert.That(service.TrafficStatuses![0].Percent, Is.EqualTo(100));
        });
    }

    [Test]
    public async Task Shifting_traffic_back_to_the_last_known_good_revision_changes_only_traffic_and_creates_no_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var good = Seed001.Manifest();
        await h.ConvergeAsync(good);
        var (known, _) = await h.ReconcileAsync(good);
        var lastKnownGood = known.Service!.LatestReadyRevision!;
        var bad = Seed001.Manifest(Seed001.Image + "-crash");
        await h.ReconcileAsync(bad);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var templateBefore = (await h.ServiceJsonAsync(bad))["template"]!.ToJsonString();
        var revisionsBefore = await h.RevisionsAsync(bad);

        var shift = new ShiftTraffic(bad.Key, bad.Location, [new CloudRunTrafficTarget(100, Revision: lastKnownGood)]);
        var report = await h.Platform.ApplyAsync(new Plan(bad.Key, [shift]), new ApplyContext(null), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(5));

        var service = await h.ServiceJsonAsync(bad);
        Assert.Multiple(async () =>
        {
            Assert.That(report.WriteCalls, Is.EqualTo(1));
            Assert.That(service["template"]!.ToJsonString(), Is.EqualTo(templateBefore));
            Assert.That(await h.RevisionsAsync(bad), Is.EqualTo(revisionsBefore));
            Assert.That(service["trafficStatuses"]![0]!["revision"]!.GetValue<string>(), Is.EqualTo(lastKnownGood));
            Assert.That(h.Recorder.Exchanges.Last(e => e.Method == "PATCH").Uri.Query, Does.Contain("updateMask=traffic"));
        });
    }

    [Test]
    public async Task A_resync_of_five_unchanged_services_costs_one_services_list_and_no_gets()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifests = Enumerable.Range(1, 5).Select(i => Seed001.Manifest(name: $"svc-{i}")).ToList();
        foreach (var m in manifests)
        {
            await h.ConvergeAsync(m);
        }
        h.Time.Advance(TimeSpan.FromMinutes(2));
        var baseline = (h.Count(CallOutcome.Received, "services.list"), h.Count(CallOutcome.Received, "services.get"), h.Count(CallOutcome.Received, "revisions.list"));

        var observations = await Task.WhenAll(manifests.Select(m => h.Platform.ObserveAsync(m, CancellationToken.None)));

        Assert.That(observations.Cast<CloudRunObservation>().Select(o => o.Service?.Name.Split('/')[^1]), Is.EqualTo(manifests.Select(m => m.Metadata.Name)));
        Assert.That(h.Count(CallOutcome.Received, "services.list") - baseline.Item1, Is.EqualTo(1));
        Assert.That(h.Count(CallOutcome.Received, "services.get") - baseline.Item2, Is.Zero);
        Assert.That(h.Count(CallOutcome.Received, "revisions.list") - baseline.Item3, Is.Zero);
    }

    /// <summary>Creates the service the way gcloud would: its own revision name (or none), no Reconciler annotations.</summary>
    private static async Task CreateByHandAsync(CloudRunHarness h, CloudRunServiceManifest m, string? revision, string image)
    {
        var template = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = image,
                ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
            }),
        };
        if (revision is not null)
        {
            template["revision"] = revision;
        }
        var response = await h.Http.PostAsJsonAsync(
            $"v2/projects/{m.Spec.Project}/locations/{m.Spec.Region}/services?serviceId={m.Metadata.Name}",
            new JsonObject { ["template"] = template, ["labels"] = new JsonObject { ["deployed-by"] = "gcloud" } });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }
}
