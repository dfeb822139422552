using Reconciler.Core.Rollout;
using Reconciler.Engine.Metrics;

namespace Reconciler.Engine.Tests.Metrics;

/// <summary>The rollback reason label is one fixed word per typed cause, whatever text the decision's message carries.</summary>
public sealed class RollbackReasonTests
{
    private static IEnumerable<TestCaseData> Causes()
    {
        yield return new TestCaseData(RolloutFailure.CloudRolledBack, "cloud_rolled_back").SetName("ECS's own circuit-breaker rollback is cloud_rolled_back");
        yield return new TestCaseData(RolloutFailure.TasksStopping, "tasks_stopping").SetName("tasks that keep stopping are tasks_stopping");
        yield return new TestCaseData(RolloutFailure.ProgressDeadline, "progress_deadline").SetName("a passed progress deadline is progress_deadline");
        yield return new TestCaseData(RolloutFailure.DeploymentFailed, "deployment_failed").SetName("a deployment ECS marked FAILED is deployment_failed");
        yield return new TestCaseData(RolloutFailure.RevisionFailed, "revision_failed").SetName("a failed Cloud Run revision is revision_failed");
        yield return new TestCaseData(RolloutFailure.ServiceDeleted, "service_deleted").SetName("a service deleted mid-rollout is service_deleted");
        yield return new TestCaseData(RolloutFailure.Other, "rollout_failed").SetName("an unclassified failure is rollout_failed");
        yield return new TestCaseData(RolloutFailure.VerificationFailed, "verification_failed").SetName("a failed verification is verification_failed");
    }

    [TestCaseSource(nameof(Causes))]
    public void Reason(RolloutFailure cause, string expected) => Assert.That(RollbackReason.Of(cause), Is.EqualTo(expected));

    [Test]
    public void Every_cause_has_its_own_word() =>
        Assert.That(Enum.GetValues<RolloutFailure>().Select(RollbackReason.Of).Distinct().Count(), Is.EqualTo(Enum.GetValues<RolloutFailure>().Length));
}
