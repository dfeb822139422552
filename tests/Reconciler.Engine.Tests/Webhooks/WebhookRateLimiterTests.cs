using Microsoft.Extensions.Time.Testing;
using Reconciler.Engine.Webhooks;

namespace Reconciler.Engine.Tests.Webhooks;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WebhookRateLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_client_gets_its_permits_per_window_and_then_is_refused()
    {
        var limiter = new WebhookRateLimiter(3, TimeSpan.FromMinutes(1), time);

        var answers = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("10.0.0.1")).ToArray();

        Assert.That(answers, Is.EqualTo(new[] { true, true, true, false }));
    }

    [Test]
    public void Clients_have_separate_budgets()
    {
        var limiter = new WebhookRateLimiter(1, TimeSpan.FromMinutes(1), time);
        limiter.TryAcquire("10.0.0.1");

        Assert.That(limiter.TryAcquire("10.0.0.2"), Is.True);
        Assert.That(limiter.TryAcquire("10.0.0.1"), Is.False);
    }

    [Test]
    public void The_next_window_starts_a_fresh_budget()
    {
        var limiter = new WebhookRateLimiter(1, TimeSpan.FromMinutes(1), time);
        limiter.TryAcquire(null);
        Assert.That(limiter.TryAcquire(null), Is.False);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(limiter.TryAcquire(null), Is.True);
    }
}
