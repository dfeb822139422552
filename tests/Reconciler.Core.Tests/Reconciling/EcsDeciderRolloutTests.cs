using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rollout;
using Reconciler.Testing.Builders;
using static Reconciler.Core.Tests.Reconciling.DeciderStates;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>
/// The ECS decision during and after a rollout from revision 1 (Old) to revision 2 (New): watch, complete, fail and
/// roll back, pin, retry. State is read from the service's tags only, as a restarted process would see it.
/// </summary>
public sealed class EcsDeciderRolloutTests
{
    [Test]
    public void A_rollout_still_starting_tasks_is_watched_without_writes()
    {
        var decision = Decide(Changed, Applied(Rolling(newRunning: 1)), Start.AddMinutes(2));

        Assert.That(decision, Is.TypeOf<Decision.Watch>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void A_completed_rollout_records_its_task_definition_as_last_known_good()
    {
        var decision = Decide(Changed, Applied(Finished()), Start.AddMinutes(3));

        Assert.That(decision, Is.TypeOf<Decision.Completed>());
        var tag = decision.Plan.Actions.OfType<TagService>().Single();
        Assert.That(tag.Tags, Is.EqualTo(new Dictionary<string, string> { [TagKeys.LastKnownGood] = New }));
    }

    private static IEnumerable<TestCaseData> FailedRollouts()
    {
        var failed = Rolling(0) with
        {
            Deployments = [.. Rolling(0).Deployments.Select(d => d.TaskDefinitionArn == New ? d with { RolloutState = EcsStatuses.Failed } : d)],
        };
        yield return new TestCaseData(failed, 3, true, RolloutFailure.DeploymentFailed)
            .SetName("A deployment marked FAILED rolls back to the last known-good and pins the fingerprint");
        yield return new TestCaseData(RolledBackByCircuitBreaker(), 7, false, RolloutFailure.CloudRolledBack)
            .SetName("A circuit-breaker rollback pins the fingerprint and needs no second rollback");
        yield return new TestCaseData(Rolling(1), 11, true, RolloutFailure.ProgressDeadline)
            .SetName("A rollout past its progress deadline rolls back to the last known-good and pins the fingerprint");
    }

    [TestCaseSource(nameof(FailedRollouts))]
    public void A_failed_rollout(ObservedEcsService observed, int minutes, bool rollBackAction, RolloutFailure cause)
    {
        var applied = Applied(observed);
        var decision = Decide(Changed, applied, Start.AddMinutes(minutes));

        Assert.That(decision, Is.TypeOf<Decision.RollBack>());
        Assert.That(((Decision.RollBack)decision).Cause, Is.EqualTo(cause), "the cause is typed, not read from the message");
        // Every write carries where it goes: region, cluster and the observed service ARN (nothing kept from observe).
        Assert.That(decision.Plan.Actions.Select(a => a switch { TagService t => t.Location, RollBack r => r.Location, _ => null }),
            Has.All.EqualTo(new ActionLocation(Changed.Spec.Region, Changed.Spec.Cluster, applied.ServiceArn)));
        var pin = decision.Plan.Actions.OfType<TagService>().Single();
        // With a rollback action, the same upsert records the version the service is pointed back at.
        var expected = new Dictionary<string, string> { [TagKeys.FailedFingerprint] = ChangedFingerprint };
        if (rollBackAction)
        {
            expected[TagKeys.Target] = Old;
        }
        Assert.That(pin.Tags, Is.EqualTo(expected));
        var rollBacks = decision.Plan.Actions.OfType<RollBack>().Select(r => r.TargetVersion);
        Assert.That(rollBacks, Is.EqualTo(rollBackAction ? new[] { Old } : Array.Empty<string>()));
    }

    [Test]
    public void A_pinned_fingerprint_stalls_without_writes()
    {
        var decision = Decide(Changed, RolledBackAndPinned());

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
        Assert.That(decision.Message, Does.Contain("reconciler retry api"));
    }

    [Test]
    public void A_pin_matches_a_manifest_written_in_another_case()
    {
        // The fingerprint is taken of the normalized spec (what ECS reports back): "fargate" and "FARGATE" are one spec.
        var lowerCase = Changed with
        {
            Spec = Changed.Spec with { TaskDefinition = Changed.Spec.TaskDefinition with { RequiresCompatibilities = ["fargate"], NetworkMode = "AWSVPC" } },
        };

        var decision = Decide(lowerCase, RolledBackAndPinned());

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void A_retry_reapplies_the_pinned_spec_and_clears_the_pin()
    {
        var decision = EcsDecider.Decide(new EcsObservation(Changed, RolledBackAndPinned()), new DecisionContext(Start, null, IgnorePin: true));

        Assert.That(decision, Is.TypeOf<Decision.Converge>());
        Assert.That(Verbs(decision), Is.EqualTo(new[] { "RegisterTaskDefinition", "UpdateService", "TagResource", "TagResource" }));
        var clear = decision.Plan.Actions.OfType<TagService>().Last();
        Assert.That(clear.Tags, Is.EqualTo(new Dictionary<string, string> { [TagKeys.FailedFingerprint] = "", [Reconciler.Core.Verification.VerificationTags.Started] = "" }));
    }
}
