using Reconciler.Engine.Metrics;

namespace Reconciler.Engine.Tests.Metrics;

/// <summary>The rollback reason label is one of a few fixed words, whatever text the decision's message carries.</summary>
public sealed class RollbackReasonTests
{
    private static IEnumerable<TestCaseData> Messages()
    {
        yield return new TestCaseData("rollout of web:2 failed (ECS rolled back: the deployment of web:2 FAILED (circuit breaker))", "cloud_rolled_back")
            .SetName("ECS's own circuit-breaker rollback is cloud_rolled_back");
        yield return new TestCaseData("rollout of web:2 failed (tasks of web:2 keep stopping; 3 tasks stopped: health checks)", "tasks_stopping")
            .SetName("tasks that keep stopping are tasks_stopping");
        yield return new TestCaseData("rollout of web:2 failed (no steady state within the progress deadline of 10m (1/2 new tasks running))", "progress_deadline")
            .SetName("a passed progress deadline is progress_deadline");
        yield return new TestCaseData("rollout of web:2 failed (ECS marked the deployment FAILED: something)", "deployment_failed")
            .SetName("a deployment ECS marked FAILED is deployment_failed");
        yield return new TestCaseData("rollout of web:2 failed: verification failed: check readiness failed 1 time (failureLimit 0): status 500, body: FAILED", "verification_failed")
            .SetName("a failed verification is verification_failed whatever its evidence quotes");
        yield return new TestCaseData("password=hunter2 and anything else", "rollout_failed")
            .SetName("any other text is rollout_failed and never copied into the label");
    }

    [TestCaseSource(nameof(Messages))]
    public void Reason(string message, string expected) => Assert.That(RollbackReason.Of(message), Is.EqualTo(expected));
}
