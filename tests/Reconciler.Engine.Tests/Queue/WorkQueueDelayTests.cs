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
    public async Task Back_off_doubles_per_failure_and_Forget_resets_it()
    {
        using var queue = NewQueue();

        Assert.That(await FailAndMeasure(queue), Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(await FailAndMeasure(queue), Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(await FailAndMeasure(queue), Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(queue.NumRequeues(Web), Is.EqualTo(3));

        queue.Forget(Web);

        Assert.That(queue.NumRequeues(Web), Is.Zero);
        Assert.That(await FailAndMeasure(queue), Is.EqualTo(TimeSpan.FromSeconds(1)));
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

    /// <summary>Takes the key, fails it, and advances the clock 100 ms at a time until it is back.</summary>
    private async Task<TimeSpan> FailAndMeasure(WorkQueue<ResourceKey> queue)
    {
        if (queue.Len == 0)
        {
            queue.Add(Web);
        }
        var key = (await queue.GetAsync(CancellationToken.None).Soon()).Key;
        queue.AddRateLimited(key);
        queue.Done(key);
        var waited = TimeSpan.Zero;
        while (queue.Len == 0 && waited < TimeSpan.FromMinutes(10))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
        }
        return waited;
    }
}
