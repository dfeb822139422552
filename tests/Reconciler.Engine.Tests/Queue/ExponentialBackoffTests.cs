using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

public sealed class ExponentialBackoffTests
{
    [Test]
    public void Delays_double_from_one_second_and_stop_at_five_minutes()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        var delays = Enumerable.Range(0, 11).Select(_ => backoff.Next("web").TotalSeconds).ToArray();

        Assert.That(delays, Is.EqualTo(new double[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300 }));
    }

    [Test]
    public void A_very_long_failure_streak_stays_at_the_cap()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        for (var i = 0; i < 2000; i++)
        {
            backoff.Next("web");
        }

        Assert.That(backoff.Next("web"), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Keys_back_off_independently()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        backoff.Next("web");
        backoff.Next("web");

        Assert.That(backoff.Next("api"), Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(backoff.Failures("web"), Is.EqualTo(2));
    }
}
