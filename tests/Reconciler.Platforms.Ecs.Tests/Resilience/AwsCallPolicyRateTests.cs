using Microsoft.Extensions.Time.Testing;
using Reconciler.Platforms.Ecs.Resilience;

namespace Reconciler.Platforms.Ecs.Tests.Resilience;

/// <summary>The rate limiter's wait sits outside the per-attempt timeout, and the call class picks the bucket by type.</summary>
public sealed class AwsCallPolicyRateTests
{
    private static AwsCallOptions Slow() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(1), RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 2,
        CallsPerSecond = 0.1, CallBurst = 1, RegistrationsPerSecond = 0.1, RegistrationBurst = 1,
    };

    [Test]
    public async Task A_call_that_waits_ten_seconds_for_a_token_is_not_timed_out_by_its_one_second_attempt_timeout()
    {
        var time = new FakeTimeProvider();
        var policy = new AwsCallPolicy(Slow(), time);
        var calls = 0;
        await policy.RunAsync("eu-west-1", "DescribeServices", _ => Task.FromResult(++calls), CancellationToken.None);

        var second = policy.RunAsync("eu-west-1", "DescribeServices", _ => Task.FromResult(++calls), CancellationToken.None);
        for (var step = 0; step < 20 && !second.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }

        Assert.That(await second.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(2), "the second call ran once, after its token");
    }

    [Test]
    public async Task A_registration_waits_on_its_own_bucket_and_leaves_the_standard_bucket_alone()
    {
        var time = new FakeTimeProvider();
        var policy = new AwsCallPolicy(Slow(), time);
        await policy.RunAsync("eu-west-1", AwsCallClass.Registration, "RegisterTaskDefinition", _ => Task.FromResult(0), CancellationToken.None);

        var standard = policy.RunAsync("eu-west-1", AwsCallClass.Standard, "DescribeServices", _ => Task.FromResult(1), CancellationToken.None);
        var registration = policy.RunAsync("eu-west-1", AwsCallClass.Registration, "RegisterTaskDefinition", _ => Task.FromResult(2), CancellationToken.None);

        Assert.That(await standard.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(1), "the standard bucket still had its token");
        Assert.That(registration.IsCompleted, Is.False, "the second registration waits for the registration bucket");
        for (var step = 0; step < 20 && !registration.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }
        Assert.That(await registration.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(2));
    }
}
