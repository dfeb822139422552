using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Tests.Status;

/// <summary>The status store: change notification, waiting on a condition without polling, and the bounded event history.</summary>
public sealed class StatusStoreTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Test]
    public async Task WaitUntil_completes_when_a_later_update_makes_the_condition_true()
    {
        var store = new StatusStore();
        var waiting = store.WaitUntilAsync(s => s.Get(Web)?.Health == HealthStatus.Healthy, Guard);

        store.Update(Web, s => s with { Health = HealthStatus.Progressing });
        Assert.That(waiting.IsCompleted, Is.False);
        store.Update(Web, s => s with { Health = HealthStatus.Healthy });

        await waiting;
    }

    [Test]
    public async Task WaitUntil_completes_at_once_when_the_condition_already_holds()
    {
        var store = new StatusStore();
        store.SetSource(new SourceState("git", "abc", null, null, []));

        await store.WaitUntilAsync(s => s.Source.Revision == "abc", Guard);
    }

    [Test]
    public void WaitUntil_times_out_when_nothing_makes_the_condition_true()
    {
        var store = new StatusStore();

        Assert.ThrowsAsync<TimeoutException>(() => store.WaitUntilAsync(s => s.Get(Web) is not null, TimeSpan.FromMilliseconds(50)));
    }

    [Test]
    public void Consecutive_identical_events_are_folded_and_the_history_is_bounded()
    {
        IReadOnlyList<ResourceEvent> events = [];
        var at = DateTimeOffset.UnixEpoch;
        events = StatusStore.Append(events, new ResourceEvent(at, "Warning", "Stalled", "pinned"));
        events = StatusStore.Append(events, new ResourceEvent(at.AddMinutes(1), "Warning", "Stalled", "pinned"));
        Assert.That(events, Has.Count.EqualTo(1));

        for (var i = 0; i < 50; i++)
        {
            events = StatusStore.Append(events, new ResourceEvent(at, "Normal", "Converge", $"change {i}"));
        }
        Assert.That(events, Has.Count.EqualTo(StatusStore.MaxEvents));
        Assert.That(events[^1].Message, Is.EqualTo("change 49"));
    }
}
