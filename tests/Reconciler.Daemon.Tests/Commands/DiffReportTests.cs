using Reconciler.Core.Ecs;
using Reconciler.Daemon.Commands;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>What <c>reconciler diff</c> prints for each kind of decision, from live states of the builders.</summary>
public sealed class DiffReportTests
{
    private static readonly Core.Ecs.EcsServiceManifest Changed =
        EcsManifestBuilder.WithImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.0");

    [Test]
    public void A_failed_rollout_is_reported_as_failed_with_the_reason_and_the_rollback_plan()
    {
        var observed = Rolling(1) with
        {
            Tags = new Dictionary<string, string>(Rolling(1).Tags)
            {
                [Core.Ecs.TagKeys.Fingerprint] = Core.Fingerprints.SpecFingerprint.Of(Core.Ecs.EcsDesiredNormalizer.Normalize(Changed.Spec.TaskDefinition)),
                [Core.Ecs.TagKeys.Target] = New,
                [Core.Ecs.TagKeys.LastKnownGood] = Old,
            },
        };
        var decision = EcsDecider.Decide(new Core.Ecs.EcsObservation(Changed, observed), new DecisionContext(Start.AddMinutes(11), null));

        var text = DiffReport.Render(Changed.Key, decision);

        Assert.That(decision, Is.TypeOf<Decision.RollBack>());
        Assert.That(text, Does.StartWith("EcsService/api: OutOfSync (rollout failed) [Degraded]"));
        Assert.That(text, Does.Contain("  ! rollout of " + New + " failed (no steady state within the progress deadline"));
        Assert.That(text, Does.Contain("plan: RollBack, TagResource"));
    }

    [Test]
    public void A_resource_that_does_not_exist_is_Missing_whatever_the_platform_names_its_create_action()
    {
        var key = new Core.Model.ResourceKey("CloudRunService", "emergence-app");
        var plan = new Core.Planning.Plan(key, [new Core.Planning.ShiftTraffic(key, new Core.Planning.ActionLocation("europe-west1", "p"), [])]);
        var decision = new Decision.Converge(plan, new Core.Health.HealthAssessment(Core.Health.HealthStatus.Missing, "service does not exist"),
            "creating the service", [], false);

        var text = DiffReport.Render(key, decision);

        Assert.That(text, Does.StartWith("CloudRunService/emergence-app: Missing [Missing]"));
    }

    [Test]
    public void A_changed_image_shows_the_field_with_old_and_new_value_and_the_plan()
    {
        var decision = EcsDecider.Decide(new Core.Ecs.EcsObservation(Changed, ObservedEcsBuilder.InSyncWith(EcsManifestBuilder.Manifest())),
            new DecisionContext(Start, null));

        var text = DiffReport.Render(Changed.Key, decision);

        Assert.That(text, Does.Contain("EcsService/api: OutOfSync [Healthy] (1 change)"));
        Assert.That(text, Does.Contain("  ~ taskDefinition.containers[api].image: " + EcsManifestBuilder.Image + " -> 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.0"));
        Assert.That(text, Does.Contain("plan: RegisterTaskDefinition, UpdateService"));
    }
}
