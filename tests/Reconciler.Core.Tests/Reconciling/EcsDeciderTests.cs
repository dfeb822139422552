using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;
using static Reconciler.Core.Tests.Reconciling.DeciderStates;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The level-based ECS decision outside a rollout: create, in sync, change, scale, drift.</summary>
public sealed class EcsDeciderTests
{
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
        Assert.That(Verbs(decision), Is.EqualTo(new[] { "RegisterTaskDefinition", "UpdateService", "TagResource" }));
        var update = decision.Plan.Actions.OfType<UpdateService>().Single();
        Assert.That(update.TaskDefinitionFingerprint, Is.EqualTo(ChangedFingerprint));
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
        Assert.That(decision.DetectsDrift, Is.True, "drift that is only reported must still be counted");
    }

    [Test]
    public void A_count_changed_by_hand_after_unrelated_commits_is_drift_when_the_spec_tag_matches()
    {
        var manifest = Current with { Spec = Current.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        var scaledByHand = ObservedEcsBuilder.InSyncWith(manifest) with { DesiredCount = 5 };
        var observed = scaledByHand with
        {
            Tags = new Dictionary<string, string>(scaledByHand.Tags)
            {
                [TagKeys.GitRevision] = "older-commit",
                [TagKeys.Spec] = Core.Fingerprints.SpecFingerprint.OfService(manifest.Spec),
            },
        };

        var decision = EcsDecider.Decide(new EcsObservation(manifest, observed), new DecisionContext(Start, "newer-commit"));

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.DetectsDrift, Is.True);
        Assert.That(decision.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void A_count_changed_in_git_is_not_drift_even_though_the_revision_moved()
    {
        var applied = ObservedEcsBuilder.InSyncWith(Current);
        var observed = applied with
        {
            Tags = new Dictionary<string, string>(applied.Tags)
            {
                [TagKeys.GitRevision] = "older-commit",
                [TagKeys.Spec] = Core.Fingerprints.SpecFingerprint.OfService(Current.Spec),
            },
        };
        var scaledInGit = Current with { Spec = Current.Spec with { DesiredCount = 7, SyncPolicy = new SyncPolicy(SelfHeal: false) } };

        var decision = EcsDecider.Decide(new EcsObservation(scaledInGit, observed), new DecisionContext(Start, "newer-commit"));

        Assert.That(decision, Is.TypeOf<Decision.Converge>());
        Assert.That(decision.DetectsDrift, Is.False);
    }

    [Test]
    public void Without_a_git_revision_a_difference_is_applied_and_not_taken_for_drift()
    {
        var manifest = Changed with { Spec = Changed.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        var applied = ObservedEcsBuilder.InSyncWith(Current);
        var observed = applied with { Tags = new Dictionary<string, string>(applied.Tags) { [TagKeys.GitRevision] = "" } };

        var decision = EcsDecider.Decide(new EcsObservation(manifest, observed), new DecisionContext(Start, ""));

        Assert.That(decision, Is.TypeOf<Decision.Converge>().With.Property(nameof(Decision.Converge.IsDrift)).False);
    }

    [Test]
    public void A_task_definition_swapped_by_hand_after_unrelated_commits_is_still_drift()
    {
        var manifest = Current with { Spec = Current.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        var deployed = ObservedEcsBuilder.InSyncWith(manifest);
        var swapped = deployed.WithContainer("api", c => c with { Image = Value.Of(NewImage) }) with { TaskDefinitionArn = New };
        var observed = swapped with
        {
            Tags = new Dictionary<string, string>(swapped.Tags)
            {
                [TagKeys.GitRevision] = "older-commit",
                [TagKeys.Fingerprint] = Fingerprint(manifest),
                [TagKeys.Target] = deployed.TaskDefinitionArn,
                [TagKeys.LastKnownGood] = deployed.TaskDefinitionArn,
            },
        };

        var decision = EcsDecider.Decide(new EcsObservation(manifest, observed), new DecisionContext(Start, "newer-commit"));

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Message, Does.Contain("changed outside git").And.Contain("selfHeal is false"));
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

}
