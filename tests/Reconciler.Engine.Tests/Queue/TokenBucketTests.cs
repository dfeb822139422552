using Microsoft.Extensions.Time.Testing;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

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
}
