using Reconciler.Core.CloudRun;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Health;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Planning;
using Reconciler.Platforms.CloudRun.Naming;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Tests.Support;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>
/// Seed 001 without the hand work: a hotfix whose revision never becomes Ready goes back to the last known-good
/// revision by itself (traffic only), is pinned and reported Degraded with the revision's reason, and a fixing
/// commit converges — observe, the platform's decider and apply on the emulator.
/// </summary>
public sealed class CloudRunRollbackScenarioTests
{
    private static readonly CloudRunServiceManifest Good = Seed001.Manifest();
    private static readonly CloudRunServiceManifest Bad = Seed001.Manifest(Seed001.Image + "-unhealthy");
    private static readonly CloudRunServiceManifest Fix = Seed001.Manifest(Seed001.Image.Replace("v2025.10.11", "v2025.10.12"));

    [Test]
    public async Task A_failing_image_sends_traffic_back_to_the_last_known_good_revision_and_reports_Degraded_with_the_revision_reason()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        var lastKnownGood = RevisionNames.For(Good.Metadata.Name, SpecFingerprint.Of(Good.Spec));

        var story = await h.ConvergeAsync(Bad);

        var (observation, _) = await h.ReconcileAsync(Bad);
        var service = observation.Service!;
        Assert.Multiple(() =>
        {
            Assert.That(story.Where(s => s != "nothing"), Is.EqualTo(new[] { "PatchCloudRunService", "RollBack+TagResource" }), string.Join(" → ", story));
            Assert.That(service.Traffic, Is.EqualTo(new[] { new CloudRunTrafficTarget(100, Revision: lastKnownGood) }));
            Assert.That(service.TrafficStatuses![0].Revision, Is.EqualTo(lastKnownGood));
            Assert.That(service.Annotation(CloudRunAnnotations.FailedFingerprint), Is.EqualTo(SpecFingerprint.Of(Bad.Spec)));
            Assert.That(service.Annotation(CloudRunAnnotations.LastKnownGood), Is.EqualTo(lastKnownGood));
            Assert.That(h.LastDecision, Is.TypeOf<Decision.Stalled>());
            Assert.That(h.LastDecision!.Health.Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(h.LastDecision.Message, Does.Contain("rolled back to " + lastKnownGood));
        });
    }

    [Test]
    public async Task The_rollback_decision_names_the_revision_reason_Cloud_Run_gives()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        await h.ReconcileAsync(Bad);
        Decision? rollback = null;
        for (var i = 0; i < 20 && rollback is null; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            await h.ReconcileAsync(Bad);
            rollback = h.LastDecision as Decision.RollBack;
        }

        Assert.That(rollback, Is.Not.Null, "no rollback was decided");
        Assert.That(rollback!.Health.Message, Does.Contain("HEALTH_CHECK_CONTAINER_ERROR"));
        Assert.That(rollback.Message, Does.Contain("routing 100% of traffic to the last known-good revision"));
        Assert.That(((Decision.RollBack)rollback).Cause, Is.EqualTo(Core.Rollout.RolloutFailure.RevisionFailed));
        Assert.That(rollback.Plan.Actions.OfType<RollBack>().Single().Location, Is.EqualTo(Bad.Location), "the rollback carries region and project");
    }

    [Test]
    public async Task After_the_rollback_ten_resyncs_of_the_failed_manifest_write_nothing_and_make_no_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        await h.ConvergeAsync(Bad);
        var writes = h.Writes();
        var revisions = await h.RevisionsAsync(Bad);

        for (var i = 0; i < 10; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(1));
            var (_, plan) = await h.ReconcileAsync(Bad);
            Assert.That(plan.Actions, Is.Empty, $"resync {i + 1} planned {string.Join(", ", plan.Actions.Select(a => a.Verb))}");
        }

        Assert.That(h.Writes(), Is.EqualTo(writes));
        Assert.That(await h.RevisionsAsync(Bad), Is.EqualTo(revisions));
    }

    [Test]
    public async Task A_fixing_commit_deploys_one_new_revision_serving_100_percent_that_becomes_last_known_good()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        await h.ConvergeAsync(Bad);
        var before = await h.RevisionsAsync(Fix);

        await h.ConvergeAsync(Fix);

        var (observation, _) = await h.ReconcileAsync(Fix);
        var fixedRevision = RevisionNames.For(Fix.Metadata.Name, SpecFingerprint.Of(Fix.Spec));
        Assert.Multiple(async () =>
        {
            Assert.That(await h.RevisionsAsync(Fix), Has.Count.EqualTo(before.Count + 1));
            Assert.That(observation.Service!.LatestReadyRevision, Is.EqualTo(fixedRevision));
            Assert.That(observation.Service.TrafficStatuses, Is.EqualTo(new[] { new CloudRunTrafficTarget(100, Latest: true) }));
            Assert.That(observation.Service.Annotation(CloudRunAnnotations.LastKnownGood), Is.EqualTo(fixedRevision));
            Assert.That(h.LastDecision, Is.TypeOf<Decision.InSync>());
            Assert.That(h.LastDecision!.Health.Status, Is.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public async Task A_platform_started_mid_rollout_finishes_it_from_the_annotations()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        await h.ReconcileAsync(Fix);
        using var restarted = CloudRunPlatformFactory.Create(h.Time, CloudRunHarness.Fast(), new CloudRunEndpoint(h.Host.BaseUri), FixedTokenSource.Emulator);

        Decision? decision = null;
        for (var i = 0; i < 20 && decision is not Decision.InSync; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            var observation = await restarted.ObserveAsync(Fix, CancellationToken.None);
            decision = restarted.Decider.Decide(observation, new DecisionContext(h.Time.GetUtcNow(), null));
            Assert.That(decision.Plan.Actions.Select(a => a.Verb), Has.None.EqualTo("PatchCloudRunService"), "the restarted platform deployed again");
            if (!decision.Plan.IsEmpty)
            {
                await restarted.ApplyAsync(decision.Plan, new Core.Seams.ApplyContext(null), CancellationToken.None);
            }
        }

        Assert.That(decision, Is.TypeOf<Decision.InSync>());
        var (after, _) = await h.ReconcileAsync(Fix);
        Assert.That(after.Service!.Annotation(CloudRunAnnotations.LastKnownGood), Is.EqualTo(RevisionNames.For(Fix.Metadata.Name, SpecFingerprint.Of(Fix.Spec))));
    }

    [Test]
    public async Task A_retry_of_the_pinned_spec_deploys_it_again_lifts_the_pin_and_rolls_back_again_when_it_fails_again()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.ConvergeAsync(Good);
        await h.ConvergeAsync(Bad);
        var revisions = await h.RevisionsAsync(Bad);

        var (_, retry) = await h.ReconcileAsync(Bad, ignorePin: true);
        var story = await h.ConvergeAsync(Bad);

        var (observation, _) = await h.ReconcileAsync(Bad);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Actions.Select(a => a.Verb), Is.EqualTo(new[] { "PatchCloudRunService", "TagResource" }));
            Assert.That(story.Where(s => s != "nothing"), Is.EqualTo(new[] { "RollBack+TagResource" }), string.Join(" → ", story));
            Assert.That(await h.RevisionsAsync(Bad), Is.EqualTo(revisions), "the same template is the same revision");
            Assert.That(observation.Service!.Annotation(CloudRunAnnotations.FailedFingerprint), Is.EqualTo(SpecFingerprint.Of(Bad.Spec)));
            Assert.That(h.LastDecision, Is.TypeOf<Decision.Stalled>());
        });
    }
}
