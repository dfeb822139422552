using Reconciler.Core.Outcomes;

namespace Reconciler.Core.Tests.Outcomes;

public sealed class RequeuePolicyTests
{
    private static readonly RequeuePolicy Policy = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new ReconcileOutcome.Converged(), 3, new RequeueDecision.Forget())
            .SetName("a converged key is forgotten until the next trigger");
        yield return new TestCaseData(new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(15), "rolling out"), 3, new RequeueDecision.After(TimeSpan.FromSeconds(15)))
            .SetName("a waiting key is requeued after the delay it asked for");
        yield return new TestCaseData(new ReconcileOutcome.Stalled("pinned"), 0, new RequeueDecision.Forget())
            .SetName("a stalled key is not retried until the manifest changes");
        yield return new TestCaseData(new ReconcileOutcome.Failed("throttled", Retryable: true), 0, new RequeueDecision.Backoff(TimeSpan.FromSeconds(5), 1))
            .SetName("a first retryable failure backs off by the base delay");
        yield return new TestCaseData(new ReconcileOutcome.Failed("throttled", Retryable: true), 3, new RequeueDecision.Backoff(TimeSpan.FromSeconds(40), 4))
            .SetName("each further retryable failure doubles the back-off");
        yield return new TestCaseData(new ReconcileOutcome.Failed("throttled", Retryable: true), 1000, new RequeueDecision.Backoff(TimeSpan.FromMinutes(5), 1001))
            .SetName("the back-off is capped and never overflows");
        yield return new TestCaseData(new ReconcileOutcome.Failed("access denied", Retryable: false), 2, new RequeueDecision.Forget())
            .SetName("a non-retryable failure is not retried");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_requeue_decision_is(ReconcileOutcome outcome, int failuresSoFar, RequeueDecision expected) =>
        Assert.That(Policy.Decide(outcome, failuresSoFar), Is.EqualTo(expected));
}
