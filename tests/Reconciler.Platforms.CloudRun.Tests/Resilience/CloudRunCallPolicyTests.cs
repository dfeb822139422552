using Reconciler.Core.Seams;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Tests.Resilience;

/// <summary>Retries only what may succeed, paces writes by the per-minute quota per project and region.</summary>
public sealed class CloudRunCallPolicyTests
{
    [Test]
    public async Task A_429_is_retried_and_the_call_succeeds()
    {
        var time = new SignallingTimeProvider();
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions { RetryBaseDelay = TimeSpan.Zero }, time);
        var attempts = 0;

        var result = await policy.RunAsync("p", "r", CallKind.Read, "services.get", _ =>
            ++attempts < 3 ? throw new RunApiException(429, "RESOURCE_EXHAUSTED", "quota") : Task.FromResult(42), CancellationToken.None);

        Assert.That((result, attempts), Is.EqualTo((42, 3)));
    }

    [Test]
    public void A_403_is_not_retried_and_becomes_a_non_retryable_platform_error()
    {
        var time = new SignallingTimeProvider();
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions { RetryBaseDelay = TimeSpan.Zero }, time);
        var attempts = 0;

        var error = Assert.ThrowsAsync<PlatformException>(() => policy.RunAsync<int>("p", "r", CallKind.Write, "services.patch", _ =>
        {
            attempts++;
            throw new RunApiException(403, "PERMISSION_DENIED", "services.patch: 403 PERMISSION_DENIED: run.services.update denied");
        }, CancellationToken.None));

        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(error!.Retryable, Is.False);
        Assert.That(error.Message, Does.Contain("PERMISSION_DENIED").And.Contain("p/r"));
    }

    [Test]
    public void A_revision_name_conflict_passes_through_for_the_caller_to_handle()
    {
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions(), new SignallingTimeProvider());

        Assert.ThrowsAsync<RevisionConflictException>(() => policy.RunAsync<int>("p", "r", CallKind.Write, "services.patch",
            _ => throw new RevisionConflictException(409, "ALREADY_EXISTS", "taken", "web-1"), CancellationToken.None));
    }

    [Test]
    public async Task Writes_past_the_burst_wait_for_the_per_minute_quota_while_another_region_is_not_slowed()
    {
        var time = new SignallingTimeProvider();
        var policy = new CloudRunCallPolicy(new CloudRunCallOptions { WritesPerMinute = 6, WriteBurst = 2 }, time);
        Task<int> Write(string region) => policy.RunAsync(region, region, CallKind.Write, "services.patch", _ => Task.FromResult(1), CancellationToken.None);
        await Write("a");
        await Write("a");
        var started = time.GetUtcNow();

        var third = Write("a");
        var other = Write("b");

        Assert.That(other.IsCompletedSuccessfully, Is.True, "region b has its own bucket");
        await time.DriveAsync(third);
        Assert.That(time.GetUtcNow() - started, Is.EqualTo(TimeSpan.FromSeconds(10)), "6 writes a minute = one every 10 s");
    }
}
