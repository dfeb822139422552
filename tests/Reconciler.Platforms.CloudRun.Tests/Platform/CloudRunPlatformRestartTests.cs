using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Emulator.Faults;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;

namespace Reconciler.Platforms.CloudRun.Tests.Platform;

/// <summary>State lives in the service's annotations, and a create whose answer is lost is not a failure.</summary>
public sealed class CloudRunPlatformRestartTests
{
    [Test]
    public async Task A_create_whose_answer_is_lost_is_finished_by_patching_the_same_template_without_a_second_revision()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var lost = 0;
        h.Host.State.OnCall(call => call.Operation == "services.create" && Interlocked.Increment(ref lost) == 1
            ? CallDirective.DropAfterApplying
            : CallDirective.Proceed);
        var manifest = Seed001.Manifest();

        await h.ConvergeAsync(manifest);

        Assert.That(lost, Is.GreaterThanOrEqualTo(2), "the create was retried");
        Assert.That(await h.RevisionsAsync(manifest), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_restarted_platform_reads_the_state_annotations_and_finds_nothing_to_do()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var manifest = Seed001.Manifest();
        await h.ConvergeAsync(manifest, revision: "4f2c1e9");
        using var restarted = CloudRunPlatformFactory.Create(h.Time, CloudRunHarness.Fast(), new CloudRunEndpoint(h.Host.BaseUri), FixedTokenSource.Emulator);

        var observation = (CloudRunObservation)await restarted.ObserveAsync(manifest, CancellationToken.None);

        Assert.That(observation.AppliedRevision, Is.EqualTo("4f2c1e9"));
        Assert.That(observation.Service!.Annotation(CloudRunAnnotations.Target), Is.EqualTo(observation.Service.LatestReadyRevision));
        Assert.That(CloudRunDiff.Diff(observation.Desired, observation.Service).InSync, Is.True);
    }
}
