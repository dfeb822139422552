using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Rollout;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Rollout;

public sealed class RollbackTargetChooserTests
{
    private static readonly ResourceKey Key = new(ResourceKinds.EcsService, "api");
    private static readonly ActionLocation Where = new("eu-west-1", "prod", "arn:aws:ecs:eu-west-1:123456789012:service/prod/api");
    private static readonly string LastGood = ObservedEcsBuilder.TaskDefinitionArn(7);

    private static ObservedEcsService Tagged(ObservedEcsService o, string value) =>
        o with { Tags = new Dictionary<string, string>(o.Tags) { [TagKeys.LastKnownGood] = value } };

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Tagged(Rolling(0), LastGood), LastGood).SetName("the last known-good tag wins");
        yield return new TestCaseData(Tagged(Rolling(0), New), Old).SetName("a last known-good tag naming the failed revision is ignored for the previous completed deployment");
        yield return new TestCaseData(Rolling(0), Old).SetName("without a tag the previous COMPLETED deployment is the target");
        yield return new TestCaseData(Finished(), null).SetName("with neither there is no rollback target");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_rollback_target_is(ObservedEcsService observed, string? target)
    {
        var choice = RollbackTargetChooser.Choose(Key, Where, observed, New, "tasks keep stopping");
        Assert.That(choice.Action?.TargetVersion, Is.EqualTo(target));
        Assert.That(choice.Reason, Does.Contain(New).And.Contain("tasks keep stopping"));
    }

    [Test]
    public void No_target_explains_what_to_do() =>
        Assert.That(RollbackTargetChooser.Choose(Key, Where, Finished(), New, "deadline").Reason, Does.Contain("no known-good").And.Contain("fix the manifest"));

    [Test]
    public void The_rollback_action_is_for_the_resource_key() =>
        Assert.That(RollbackTargetChooser.Choose(Key, Where, Rolling(0), New, "x").Action!.Key, Is.EqualTo(Key));

    [Test]
    public void The_rollback_action_carries_the_region_and_cluster_it_writes_to() =>
        Assert.That(RollbackTargetChooser.Choose(Key, Where, Rolling(0), New, "x").Action!.Location, Is.EqualTo(Where));
}
