using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>
/// The level-based ECS decision, as a story of live states: created, in sync, changed, rolling out, done, failed,
/// pinned, retried, drifted. Rollouts go from revision 1 (Old) to revision 2 (New) of <see cref="EcsRolloutStates"/>.
/// </summary>
public sealed class EcsDeciderTests
{
    private const string NewImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.0";
    private static readonly EcsServiceManifest Current = EcsManifestBuilder.Manifest();
    private static readonly EcsServiceManifest Changed = EcsManifestBuilder.WithImage(NewImage);
    private static readonly string ChangedFingerprint = Fingerprint(Changed);

    [Test]
    public void A_missing_service_converges_by_registering_and_creating()
    {
        var decision = Decide(Current, null);

        Assert.That(decision, Is.TypeOf<Decision.Converge>());
        Assert.That(Verbs(decision), Is.EqualTo(new[] { "RegisterTaskDefinition", "CreateService" }));
    }

    [Test]
    public void A_service_that_matches_its_manifest_is_in_sync_with_an_empty_plan()
    {
        var decision = Decide(Current, ObservedEcsBuilder.InSyncWith(Current));

        Assert.That(decision, Is.TypeOf<Decision.InSync>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void A_service_in_sync_but_still_starting_tasks_after_a_scale_up_is_watched()
    {
        var scaling = ObservedEcsBuilder.InSyncWith(Current) with { RunningCount = 1 };

        var decision = Decide(Current, scaling);

        Assert.That(decision, Is.TypeOf<Decision.Watch>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
        Assert.That(decision.Message, Does.Contain("1/2 tasks running"));
    }

    [Test]
    public void A_changed_image_registers_a_task_definition_and_updates_the_service()
    {
        var decision = Decide(Changed, ObservedEcsBuilder.InSyncWith(Current));

        Assert.That(decision, Is.TypeOf<Decision.Converge>());
        Assert.That(Verbs(decision), Is.EqualTo(new[] { "RegisterTaskDefinition", "UpdateService" }));
        var update = decision.Plan.Actions.OfType<UpdateService>().Single();
        Assert.That(update.TaskDefinitionFingerprint, Is.EqualTo(ChangedFingerprint));
    }

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
        yield return new TestCaseData(failed, 3, true).SetName("A deployment marked FAILED rolls back to the last known-good and pins the fingerprint");
        yield return new TestCaseData(RolledBackByCircuitBreaker(), 7, false)
            .SetName("A circuit-breaker rollback pins the fingerprint and needs no second rollback");
        yield return new TestCaseData(Rolling(1), 11, true).SetName("A rollout past its progress deadline rolls back to the last known-good and pins the fingerprint");
    }

    [TestCaseSource(nameof(FailedRollouts))]
    public void A_failed_rollout(ObservedEcsService observed, int minutes, bool rollBackAction)
    {
        var decision = Decide(Changed, Applied(observed), Start.AddMinutes(minutes));

        Assert.That(decision, Is.TypeOf<Decision.RollBack>());
        var pin = decision.Plan.Actions.OfType<TagService>().Single();
        Assert.That(pin.Tags, Is.EqualTo(new Dictionary<string, string> { [TagKeys.FailedFingerprint] = ChangedFingerprint }));
        var rollBacks = decision.Plan.Actions.OfType<RollBack>().Select(r => r.TargetTaskDefinitionArn);
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
        Assert.That(Verbs(decision), Is.EqualTo(new[] { "RegisterTaskDefinition", "UpdateService", "TagResource" }));
        var clear = decision.Plan.Actions.OfType<TagService>().Single();
        Assert.That(clear.Tags, Is.EqualTo(new Dictionary<string, string> { [TagKeys.FailedFingerprint] = "" }));
    }

    [Test]
    public void Drift_with_self_heal_off_stalls_and_reports_the_change()
    {
        var manifest = Current with { Spec = Current.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        var scaledByHand = ObservedEcsBuilder.InSyncWith(manifest) with { DesiredCount = 5 };
        var observed = scaledByHand with { Tags = new Dictionary<string, string>(scaledByHand.Tags) { [TagKeys.GitRevision] = "abc123" } };

        var decision = EcsDecider.Decide(new EcsObservation(manifest, observed), new DecisionContext(Start, "abc123"));

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
        Assert.That(decision.Message, Does.Contain("selfHeal is false"));
    }

    [Test]
    public void Drift_with_self_heal_on_is_corrected_and_flagged_as_drift()
    {
        var scaledByHand = ObservedEcsBuilder.InSyncWith(Current) with { DesiredCount = 5 };
        var observed = scaledByHand with { Tags = new Dictionary<string, string>(scaledByHand.Tags) { [TagKeys.GitRevision] = "abc123" } };

        var decision = EcsDecider.Decide(new EcsObservation(Current, observed), new DecisionContext(Start, "abc123"));

        Assert.That(decision, Is.TypeOf<Decision.Converge>().With.Property(nameof(Decision.Converge.IsDrift)).True);
        Assert.That(decision.Plan.Actions.OfType<UpdateService>().Single().DesiredCount, Is.EqualTo(2));
    }

    [Test]
    public void A_failed_rollout_with_automatic_rollback_off_stalls_with_only_the_pin()
    {
        var manual = Changed with { Spec = Changed.Spec with { Rollback = new RollbackSpec(Automatic: false) } };

        var decision = EcsDecider.Decide(new EcsObservation(manual, Applied(Rolling(1), Fingerprint(manual))), new DecisionContext(Start.AddMinutes(11), null));

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.Actions, Has.Count.EqualTo(1));
        Assert.That(decision.Plan.Actions[0], Is.TypeOf<TagService>());
        Assert.That(((TagService)decision.Plan.Actions[0]).Tags.Keys, Is.EqualTo(new[] { TagKeys.FailedFingerprint }));
        Assert.That(decision.Message, Does.Contain("automatic rollback is off"));
    }

    private static Decision Decide(EcsServiceManifest desired, ObservedEcsService? observed, DateTimeOffset? now = null) =>
        EcsDecider.Decide(new EcsObservation(desired, observed), new DecisionContext(now ?? Start, null));

    private static string[] Verbs(Decision decision) => decision.Plan.Actions.Select(a => a.Verb).ToArray();

    private static string Fingerprint(EcsServiceManifest m) => SpecFingerprint.Of(EcsDesiredNormalizer.Normalize(m.Spec.TaskDefinition));

    /// <summary>The tags Reconciler leaves after pointing the service at New, with Old as last known-good.</summary>
    private static ObservedEcsService Applied(ObservedEcsService observed, string? fingerprint = null) => observed with
    {
        Tags = new Dictionary<string, string>(observed.Tags)
        {
            [TagKeys.Fingerprint] = fingerprint ?? ChangedFingerprint,
            [TagKeys.Target] = New,
            [TagKeys.LastKnownGood] = Old,
        },
    };

    /// <summary>After a failed rollout of <see cref="Changed"/>: back on Old, which is still the last known-good, and pinned.</summary>
    private static ObservedEcsService RolledBackAndPinned()
    {
        var onOld = ObservedEcsBuilder.InSyncWith(Current);
        return onOld with
        {
            Tags = new Dictionary<string, string>(onOld.Tags)
            {
                [TagKeys.Fingerprint] = ChangedFingerprint,
                [TagKeys.Target] = onOld.TaskDefinitionArn,
                [TagKeys.LastKnownGood] = onOld.TaskDefinitionArn,
                [TagKeys.FailedFingerprint] = ChangedFingerprint,
            },
        };
    }
}
