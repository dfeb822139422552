using Microsoft.Extensions.Time.Testing;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ResyncTimerTests
{
    private readonly FakeTimeProvider time = new();

    private static IEnumerable<TestCaseData> Jitter()
    {
        yield return new TestCaseData(0.0, 540.0).SetName("the lowest random value resyncs 10 % early");
        yield return new TestCaseData(0.5, 600.0).SetName("the middle random value resyncs on the interval");
        yield return new TestCaseData(0.75, 630.0).SetName("a high random value resyncs up to 10 % late");
    }

    [TestCaseSource(nameof(Jitter))]
    public void NextDelay_spreads_within_ten_percent(double random, double expectedSeconds) =>
        Assert.That(ResyncTimer.NextDelay(TimeSpan.FromMinutes(10), 0.1, random).TotalSeconds, Is.EqualTo(expectedSeconds).Within(1e-6));

    [Test]
    public void The_callback_runs_after_each_jittered_interval_until_disposed()
    {
        var randoms = new Queue<double>([0.0, 1.0, 0.5]);
        var calls = 0;
        var timer = new ResyncTimer(TimeSpan.FromMinutes(10), () => calls++, time, randoms.Dequeue);
        timer.Start();

        time.Advance(TimeSpan.FromSeconds(539));
        Assert.That(calls, Is.Zero);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(calls, Is.EqualTo(1), "first resync 10 % early (random 0)");

        time.Advance(TimeSpan.FromSeconds(659));
        Assert.That(calls, Is.EqualTo(1));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(calls, Is.EqualTo(2), "second resync 10 % late (random 1)");

        timer.Dispose();
        time.Advance(TimeSpan.FromHours(1));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void A_failing_callback_is_reported_and_the_timer_keeps_going()
    {
        var errors = new List<Exception>();
        var calls = 0;
        using var timer = new ResyncTimer(TimeSpan.FromMinutes(1), () =>
        {
            calls++;
            throw new InvalidOperationException("listing keys failed");
        }, time, () => 0.5, onError: errors.Add);
        timer.Start();

        for (var minute = 0; minute < 3; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(errors.Select(e => e.Message), Is.All.EqualTo("listing keys failed"));
    }
}
