using Reconciler.Core.Ecs;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;

namespace Reconciler.Core.Tests.Reconciling;

public sealed class EcsPruneDeciderTests
{
    private static readonly EcsServiceManifest Manifest = EcsManifestBuilder.Manifest();

    private static ObservedEcsService Managed(int desired) =>
        ObservedEcsBuilder.InSyncWith(Manifest) with
        {
            DesiredCount = desired,
            Tags = new Dictionary<string, string> { [TagKeys.ManagedBy] = TagKeys.ManagedByValue },
        };

    [Test]
    public void A_managed_service_removed_from_git_is_scaled_to_zero()
    {
        var decision = EcsPruneDecider.Decide(new EcsObservation(Manifest, Managed(2)));

        Assert.That(decision, Is.TypeOf<Decision.Converge>());
        var update = decision.Plan.Actions.OfType<UpdateService>().Single();
        Assert.That(update.DesiredCount, Is.EqualTo(0));
        Assert.That(update.TaskDefinitionFingerprint, Is.Null);
        Assert.That(decision.Plan.Count<RegisterTaskDefinition>(), Is.Zero);
    }

    [Test]
    public void A_service_without_the_managed_by_tag_is_never_pruned()
    {
        var foreign = Managed(2) with { Tags = new Dictionary<string, string>() };

        var decision = EcsPruneDecider.Decide(new EcsObservation(Manifest, foreign));

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
        Assert.That(decision.Message, Does.Contain(TagKeys.ManagedBy));
    }

    [Test]
    public void A_pruned_service_at_zero_tasks_needs_no_more_writes()
    {
        var decision = EcsPruneDecider.Decide(new EcsObservation(Manifest, Managed(0)));

        Assert.That(decision, Is.TypeOf<Decision.InSync>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void A_service_that_is_already_gone_needs_nothing()
    {
        var decision = EcsPruneDecider.Decide(new EcsObservation(Manifest, null));

        Assert.That(decision.Plan.IsEmpty, Is.True);
    }
}
