using Microsoft.Extensions.Time.Testing;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Tests.Hosting;

public sealed class IdleMemoryTrimTests
{
    [Test]
    public void After_a_burst_of_allocation_an_idle_daemon_trims_once_and_not_again_until_it_allocates_more()
    {
        long allocated = 0;
        var collections = 0;
        var trim = new IdleMemoryTrim(() => true, new FakeTimeProvider(), () => allocated, () => collections++);

        allocated = MemoryTrimPolicy.AllocatedBytes;
        Assert.That(trim.CheckOnce(), Is.True);
        Assert.That(trim.CheckOnce(), Is.False, "nothing allocated since: nothing to give back");
        allocated += MemoryTrimPolicy.AllocatedBytes - 1;
        Assert.That(trim.CheckOnce(), Is.False, "below the threshold");
        allocated += 1;
        Assert.That(trim.CheckOnce(), Is.True);

        Assert.That(collections, Is.EqualTo(2));
    }

    [Test]
    public void While_a_reconcile_is_queued_or_running_it_does_not_collect()
    {
        var idle = false;
        var collections = 0;
        var trim = new IdleMemoryTrim(() => idle, new FakeTimeProvider(), () => 10 * MemoryTrimPolicy.AllocatedBytes, () => collections++);

        Assert.That(trim.CheckOnce(), Is.False);
        idle = true;
        Assert.That(trim.CheckOnce(), Is.True);
        Assert.That(collections, Is.EqualTo(1));
    }

    [Test]
    public async Task Running_as_a_hosted_service_it_checks_on_its_wall_clock_tick()
    {
        var time = new FakeTimeProvider();
        long allocated = 0;
        var trimmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var trim = new IdleMemoryTrim(() => true, time, () => allocated, () => trimmed.TrySetResult());
        await trim.StartAsync(CancellationToken.None);
        try
        {
            allocated = MemoryTrimPolicy.AllocatedBytes;
            // The first tick may be registered just after this advance; keep ticking until the check runs.
            for (var i = 0; i < 50 && !trimmed.Task.IsCompleted; i++)
            {
                time.Advance(IdleMemoryTrim.Every);
                await Task.WhenAny(trimmed.Task, Task.Delay(100));
            }
            Assert.That(trimmed.Task.IsCompleted, Is.True, "no collection after ticks of an idle daemon that allocated 16 MB");
            Assert.That(trim.Trims, Is.EqualTo(1));
        }
        finally
        {
            await trim.StopAsync(CancellationToken.None);
        }
    }
}
