using Reconciler.Core.Resilience;
using Microsoft.Extensions.Time.Testing;


namespace Reconciler.Core.Tests.Resilience;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider time = new();

    [Test]
    public void The_burst_is_free_and_each_further_token_waits_one_interval_more()
    {
        var bucket = new TokenBucket(perSecond: 10, burst: 3, time);

        var waits = Enumerable.Range(0, 5).Select(_ => bucket.Reserve().TotalMilliseconds).ToArray();

        Assert.That(waits, Is.EqualTo(new double[] { 0, 0, 0, 100, 200 }).Within(0.001));
    }

    [Test]
    public void Tokens_refill_with_time_but_never_above_the_burst()
    {
        var bucket = new TokenBucket(perSecond: 10, burst: 2, time);
        bucket.Reserve();
        bucket.Reserve();

        time.Advance(TimeSpan.FromHours(1));

        Assert.That(bucket.Reserve(), Is.EqualTo(TimeSpan.Zero));
        Assert.That(bucket.Reserve(), Is.EqualTo(TimeSpan.Zero));
        Assert.That(bucket.Reserve().TotalMilliseconds, Is.EqualTo(100).Within(0.001));
    }

    [Test]
    public async Task A_waiter_beyond_the_burst_gets_its_token_only_when_the_clock_has_made_one()
    {
        var bucket = new TokenBucket(perSecond: 2, burst: 1, time);
        await bucket.WaitAsync(CancellationToken.None);

        var waiting = bucket.WaitAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.That(waiting.IsCompleted, Is.False, "half a token is not a token");
        time.Advance(TimeSpan.FromMilliseconds(100));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(waiting.IsCompletedSuccessfully);
    }

    [Test]
    public void A_cancelled_wait_takes_no_token()
    {
        var bucket = new TokenBucket(perSecond: 1, burst: 1, time);
        bucket.Reserve();
        using var cancel = new CancellationTokenSource();

        var waiting = bucket.WaitAsync(cancel.Token).AsTask();
        cancel.Cancel();

        Assert.That(() => waiting.Wait(TimeSpan.FromSeconds(5)), Throws.InstanceOf<AggregateException>());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(bucket.Reserve(), Is.EqualTo(TimeSpan.Zero), "the token made meanwhile is still there");
    }
}
