using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Model;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WorkQueueTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private static readonly ResourceKey Api = new("CloudRunService", "api");

    private readonly FakeTimeProvider time = new();

    private WorkQueue<ResourceKey> NewQueue(WorkQueueOptions? options = null) =>
        new(options ?? new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, time);

    [Test]
    public async Task A_key_added_several_times_while_waiting_is_handed_out_once()
    {
        using var queue = NewQueue();

        queue.Add(Web);
        queue.Add(Web);
        queue.Add(Web);

        Assert.That(queue.Len, Is.EqualTo(1));
        Assert.That(await queue.GetAsync(CancellationToken.None).Soon(), Is.EqualTo((Web, false)));
        Assert.That(queue.Len, Is.Zero);
    }

    [Test]
    public async Task Keys_are_handed_out_in_the_order_they_were_first_added()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        queue.Add(Api);
        queue.Add(Web);

        Assert.That((await queue.GetAsync(CancellationToken.None).Soon()).Key, Is.EqualTo(Web));
        Assert.That((await queue.GetAsync(CancellationToken.None).Soon()).Key, Is.EqualTo(Api));
    }

    [Test]
    public async Task A_key_re_added_while_processing_waits_for_Done_and_is_then_handed_out_again()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        var first = await queue.GetAsync(CancellationToken.None).Soon();

        queue.Add(Web);
        var second = queue.GetAsync(CancellationToken.None);

        Assert.That(queue.Len, Is.Zero, "a key being processed is not queued a second time");
        Assert.That(second.IsCompleted, Is.False, "no second worker gets the key being processed");

        queue.Done(first.Key);

        Assert.That(await second.Soon(), Is.EqualTo((Web, false)));
    }

    [Test]
    public async Task Done_without_a_re_add_does_not_hand_the_key_out_again()
    {
        using var queue = NewQueue();
        queue.Add(Web);
        queue.Done((await queue.GetAsync(CancellationToken.None).Soon()).Key);

        Assert.That(queue.Len, Is.Zero);
    }

    [Test]
    public async Task A_waiting_worker_gets_a_key_as_soon_as_it_is_added()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);

        queue.Add(Api);

        Assert.That(await waiting.Soon(), Is.EqualTo((Api, false)));
    }

    [Test]
    public async Task A_cancelled_wait_throws_and_does_not_swallow_a_later_key()
    {
        using var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token);

        await cts.CancelAsync();
        queue.Add(Web);

        Assert.CatchAsync<OperationCanceledException>(() => cancelled);
        Assert.That(await queue.GetAsync(CancellationToken.None).Soon(), Is.EqualTo((Web, false)));
    }

    [Test]
    public async Task ShutDown_releases_every_waiting_worker_and_ignores_later_adds()
    {
        using var queue = NewQueue();
        var one = queue.GetAsync(CancellationToken.None);
        var two = queue.GetAsync(CancellationToken.None);

        queue.ShutDown();
        queue.Add(Web);

        Assert.That((await one.Soon()).ShutDown, Is.True);
        Assert.That((await two.Soon()).ShutDown, Is.True);
        Assert.That(queue.Len, Is.Zero);
    }

    [Test]
    public async Task ShutDown_still_hands_out_keys_already_queued_then_reports_shutdown()
    {
        using var queue = NewQueue();
        queue.Add(Web);

        queue.ShutDown();

        Assert.That(await queue.GetAsync(CancellationToken.None).Soon(), Is.EqualTo((Web, false)));
        Assert.That((await queue.GetAsync(CancellationToken.None).Soon()).ShutDown, Is.True);
    }

    [Test]
    public void ShutDown_cancels_delayed_adds()
    {
        using var queue = NewQueue();
        queue.AddAfter(Web, TimeSpan.FromSeconds(5));

        queue.ShutDown();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(queue.Len, Is.Zero);
        Assert.That(queue.DelayedCount, Is.Zero);
    }
}
