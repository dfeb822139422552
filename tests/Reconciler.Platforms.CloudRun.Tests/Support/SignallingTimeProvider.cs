using Microsoft.Extensions.Time.Testing;

namespace Reconciler.Platforms.CloudRun.Tests.Support;

/// <summary>
/// A FakeTimeProvider that knows its pending timers and signals when one is created, so a test can move time
/// straight to the next thing anyone waits for — no wall-clock sleeps, no guessing step sizes.
/// </summary>
internal sealed class SignallingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero))
{
    private readonly SemaphoreSlim _created = new(0);
    private readonly Lock _gate = new();
    private readonly Dictionary<Tracked, DateTimeOffset> _pending = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Tracked? tracked = null;
        var inner = base.CreateTimer(s =>
        {
            Forget(tracked!);
            callback(s);
        }, state, dueTime, period);
        tracked = new Tracked(inner, this);
        Schedule(tracked, dueTime);
        return tracked;
    }

    /// <summary>Each time a timer is created, advances to the earliest pending one, until <paramref name="task"/> ends.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, int limit = 200)
    {
        for (var i = 0; i < limit && !task.IsCompleted; i++)
        {
            var created = _created.WaitAsync();
            if (await Task.WhenAny(task, created) == created && NextDue() is { } due)
            {
                Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
            }
        }
        return await task;
    }

    private DateTimeOffset? NextDue()
    {
        lock (_gate)
        {
            return _pending.Count == 0 ? null : _pending.Values.Min();
        }
    }

    private void Schedule(Tracked timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending[timer] = GetUtcNow() + dueTime;
            }
        }
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _created.Release();
        }
    }

    private void Forget(Tracked timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class Tracked(ITimer inner, SignallingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Forget(this);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            owner.Forget(this);
            return inner.DisposeAsync();
        }
    }
}
