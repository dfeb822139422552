using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Model;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WorkQueueDelayTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");

    private readonly FakeTimeProvider time = new();

    private WorkQueue<ResourceKey> NewQueue() => new(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, time);

    [Test]
    public void AddAfter_adds_the_key_only_once_the_delay_has_passed()
    {
        using var queue = NewQueue();

        queue.AddAfter(Web, TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.That(queue.Len, Is.Zero);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(queue.Len, Is.EqualTo(1));
    }

    [Test]
    public async Task Two_delays_for_one_key_keep_the_earlier_and_add_the_key_once()
    {
        using var queue = NewQueue();
        queue.AddAfter(Web, TimeSpan.FromSeconds(10));
        queue.AddAfter(Web, TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(queue.Len, Is.EqualTo(1));
        queue.Done((await queue.GetAsync(CancellationToken.None).Soon()).Key);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(queue.Len, Is.Zero, "the superseded 10 s timer must not add the key again");
    }

    [Test]
    public void A_zero_delay_adds_immediately()
    {
        using var queue = NewQueue();

        queue.AddAfter(Web, TimeSpan.Zero);

        Assert.That(queue.Len, Is.EqualTo(1));
    }

    [Test]
    public async Task The_handing_out_rate_is_limited_by_a_token_bucket_on_the_injected_clock()
    {
        using var queue = new WorkQueue<ResourceKey>(new WorkQueueOptions { HandOutsPerSecond = 1, Burst = 2 }, time);
        foreach (var name in new[] { "a", "b", "c" })
        {
            queue.Add(new ResourceKey("EcsService", name));
        }

        var first = queue.GetAsync(CancellationToken.None);
        var second = queue.GetAsync(CancellationToken.None);
        var third = queue.GetAsync(CancellationToken.None);

        Assert.That(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully, Is.True, "the burst is handed out at once");
        Assert.That(third.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(third.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((await third.Soon()).Key.Name, Is.EqualTo("c"), "one token per second after the burst");
    }
}
