using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Model;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

/// <summary>The queue tells how long each key waited between being added and handed out (reconciler_workqueue_wait_seconds).</summary>
public sealed class WorkQueueWaitTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");

    [Test]
    public async Task A_key_handed_out_reports_the_time_since_it_was_added()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<ResourceKey>(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, time);
        var waits = new List<TimeSpan>();
        queue.HandedOut = waits.Add;

        queue.Add(Web);
        time.Advance(TimeSpan.FromSeconds(3));
        await queue.GetAsync(CancellationToken.None).Soon();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public async Task A_key_added_again_while_processing_is_timed_from_that_add()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<ResourceKey>(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, time);
        var waits = new List<TimeSpan>();
        queue.HandedOut = waits.Add;
        queue.Add(Web);
        await queue.GetAsync(CancellationToken.None).Soon();

        time.Advance(TimeSpan.FromSeconds(10));
        queue.Add(Web);
        time.Advance(TimeSpan.FromSeconds(1));
        queue.Done(Web);
        await queue.GetAsync(CancellationToken.None).Soon();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1) }));
    }
}
