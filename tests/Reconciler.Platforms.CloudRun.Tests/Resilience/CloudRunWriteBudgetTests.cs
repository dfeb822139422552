using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Resilience;
using Reconciler.Platforms.CloudRun.Resilience;

namespace Reconciler.Platforms.CloudRun.Tests.Resilience;

/// <summary>The daemon-wide write budget on the injected clock: Cloud Run writes of every location share it; reads do not wait on it.</summary>
public sealed class CloudRunWriteBudgetTests
{
    private readonly FakeTimeProvider time = new();

    [Test]
    public async Task Writes_of_two_locations_share_the_budget_and_a_read_goes_first()
    {
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions { WriteBudget = new TokenBucket(1 / 60.0, 1, time) }, time);
        var attempts = 0;
        await policy.RunAsync("p1", "europe-west1", CallKind.Write, "services.patch", _ => Task.FromResult(++attempts), CancellationToken.None);

        var waiting = policy.RunAsync("p2", "us-central1", CallKind.Write, "services.create", _ => Task.FromResult(++attempts), CancellationToken.None);
        var read = await policy.RunAsync("p2", "us-central1", CallKind.Read, "services.get", _ => Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That((read, waiting.IsCompleted, attempts), Is.EqualTo((7, false, 1)));
        for (var i = 0; i < 20 && !waiting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(5);
        }
        Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(2), "one attempt, after its token");
        Assert.That(time.GetUtcNow() - time.Start, Is.InRange(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65)));
    }
}
