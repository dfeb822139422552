using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Controller;

/// <summary>Outcome → requeue, observed on a real work queue and a fake clock: when does the key come back?</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RequeueSchedulerTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private readonly FakeTimeProvider time = new();
    private readonly WorkQueue<ResourceKey> queue;
    private readonly RequeueScheduler scheduler;

    public RequeueSchedulerTests()
    {
        queue = new WorkQueue<ResourceKey>(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, time);
        scheduler = new RequeueScheduler(queue);
    }

    [TearDown]
    public void Dispose() => queue.Dispose();

    private static IEnumerable<TestCaseData> Forgotten()
    {
        yield return new TestCaseData(new ReconcileOutcome.Converged()).SetName("a converged key is forgotten until the next trigger or resync");
        yield return new TestCaseData(new ReconcileOutcome.Stalled("pinned")).SetName("a stalled key is forgotten: retrying cannot help");
        yield return new TestCaseData(new ReconcileOutcome.Failed("access denied", false)).SetName("a non-retryable failure is forgotten");
    }

    [TestCaseSource(nameof(Forgotten))]
    public void Outcomes_that_need_no_retry_do_not_requeue(ReconcileOutcome outcome)
    {
        scheduler.Apply(Web, outcome);

        time.Advance(TimeSpan.FromHours(1));
        Assert.That((queue.Len, queue.DelayedCount), Is.EqualTo((0, 0)));
    }

    [Test]
    public void A_waiting_key_comes_back_after_its_requeue_delay()
    {
        scheduler.Apply(Web, new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(5), "rolling out"));

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(queue.Len, Is.Zero);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(queue.Len, Is.EqualTo(1));
    }

    [Test]
    public void Retryable_failures_back_off_exponentially_and_a_success_resets_the_count()
    {
        var throttled = new ReconcileOutcome.Failed("throttled", true);

        Assert.That(scheduler.Apply(Web, throttled), Is.EqualTo(new RequeueDecision.Backoff(TimeSpan.FromSeconds(5), 1)));
        Assert.That(scheduler.Apply(Web, throttled), Is.EqualTo(new RequeueDecision.Backoff(TimeSpan.FromSeconds(10), 2)));
        Assert.That(scheduler.Apply(Web, throttled), Is.EqualTo(new RequeueDecision.Backoff(TimeSpan.FromSeconds(20), 3)));
        scheduler.Apply(Web, new ReconcileOutcome.Converged());

        Assert.That(scheduler.Failures(Web), Is.Zero);
        Assert.That(scheduler.Apply(Web, throttled), Is.EqualTo(new RequeueDecision.Backoff(TimeSpan.FromSeconds(5), 1)));
    }

    [Test]
    public void A_backed_off_key_is_not_handed_out_before_its_delay()
    {
        scheduler.Apply(Web, new ReconcileOutcome.Failed("throttled", true));

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.That(queue.Len, Is.Zero);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(queue.Len, Is.EqualTo(1));
    }
}
