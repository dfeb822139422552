using Reconciler.Core.CloudRun;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Planning;
using Reconciler.Emulator.Faults;
using Reconciler.Platforms.CloudRun.Naming;
using Reconciler.Platforms.CloudRun.Tests.Support;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>Seed 001 on the emulator: create, no-op resyncs, an image change, a lost answer, throttling.</summary>
public sealed class CloudRunPlatformRolloutTests
{
    [Test]
    public async Task A_new_service_is_created_and_becomes_Ready_serving_100_percent_on_its_deterministic_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();

        var story = await h.ConvergeAsync(manifest);

        Assert.That(story[0], Is.EqualTo("CreateCloudRunService"), string.Join(" → ", story));
        var (observation, _) = await h.ReconcileAsync(manifest);
        var service = observation.Service!;
        var expected = RevisionNames.For("emergence-app", SpecFingerprint.Of(observation.Desired.Spec));
        Assert.Multiple(() =>
        {
            Assert.That(service.LatestReadyRevision, Is.EqualTo(expected));
            Assert.That(service.TrafficStatuses, Is.EqualTo(new[] { new CloudRunTrafficTarget(100, Latest: true) }));
            Assert.That(service.TerminalCondition?.State, Is.EqualTo(CloudRunConditionStates.Succeeded));
            Assert.That(service.Annotation(CloudRunAnnotations.Target), Is.EqualTo(expected));
            Assert.That(service.Annotation(CloudRunAnnotations.Fingerprint), Is.EqualTo(SpecFingerprint.Of(observation.Desired.Spec)));
            Assert.That(service.Annotation(CloudRunAnnotations.LastKnownGood), Is.EqualTo(expected));
            Assert.That(h.Writes(), Is.EqualTo(2), "the create, then the annotation recording the last known-good revision");
        });
    }

    [Test]
    public async Task The_unchanged_manifest_reconciled_ten_times_makes_no_write_and_no_new_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        await h.ConvergeAsync(manifest);
        var writes = h.Writes();
        var revisions = await h.RevisionsAsync(manifest);
        var revisionReads = h.Count(Emulator.Wire.CallOutcome.Received, "revisions.list");

        for (var i = 0; i < 10; i++)
        {
            var (_, plan) = await h.ReconcileAsync(manifest);
            Assert.That(plan.Actions, Is.Empty, $"resync {i + 1} planned {string.Join(", ", plan.Actions.Select(a => a.Verb))}");
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(h.Count(Emulator.Wire.CallOutcome.Received, "revisions.list"), Is.EqualTo(revisionReads), "revisions are read only while a rollout is unsettled");
        Assert.That(h.Writes(), Is.EqualTo(writes));
        Assert.That(await h.RevisionsAsync(manifest), Is.EqualTo(revisions));
    }

    [Test]
    public async Task An_image_change_makes_exactly_one_new_revision_serving_100_percent_once_Ready()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Seed001.Manifest());
        var changed = Seed001.Manifest(Seed001.Image.Replace("v2025.10.11", "v2025.10.12"));

        var story = await h.ConvergeAsync(changed);

        Assert.That(story[0], Is.EqualTo("PatchCloudRunService"), string.Join(" → ", story));
        Assert.That(story.Skip(1).Where(s => s != "nothing"), Is.EqualTo(new[] { "TagResource" }), "only the last known-good annotation follows the patch");
        var revisions = await h.RevisionsAsync(changed);
        var (observation, _) = await h.ReconcileAsync(changed);
        Assert.That(revisions, Has.Count.EqualTo(2));
        Assert.That(observation.Service!.LatestReadyRevision, Is.EqualTo(revisions[0]));
        Assert.That(observation.Service.TrafficStatuses, Is.EqualTo(new[] { new CloudRunTrafficTarget(100, Latest: true) }));
    }

    [Test]
    public async Task A_patch_whose_answer_is_lost_after_Cloud_Run_applied_it_makes_no_second_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Seed001.Manifest());
        var lost = 0;
        h.Host.State.OnCall(call => call.Operation == "services.patch" && Interlocked.Increment(ref lost) == 1
            ? CallDirective.DropAfterApplying
            : CallDirective.Proceed);
        var changed = Seed001.Manifest(Seed001.Image.Replace("v2025.10.11", "v2025.10.12"));

        await h.ConvergeAsync(changed);

        Assert.That(lost, Is.GreaterThanOrEqualTo(2), "the patch was not retried after its answer was lost");
        Assert.That(await h.RevisionsAsync(changed), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task With_30_percent_of_calls_answered_429_the_service_still_converges()
    {
        await using var h = await CloudRunHarness.StartAsync();
        h.Host.State.Faults = new FaultOptions { ThrottleRate = 0.3 };
        var manifest = Seed001.Manifest();

        await h.ConvergeAsync(manifest);
        await h.ConvergeAsync(Seed001.Manifest(Seed001.Image.Replace("v2025.10.11", "v2025.10.12")));

        Assert.That(h.Count(Emulator.Wire.CallOutcome.Received, "services.get", "services.create", "services.patch"),
            Is.GreaterThan(h.Count(Emulator.Wire.CallOutcome.Succeeded, "services.get", "services.create", "services.patch")), "no call was throttled");
        Assert.That(await h.RevisionsAsync(manifest), Has.Count.EqualTo(2));
    }
}
