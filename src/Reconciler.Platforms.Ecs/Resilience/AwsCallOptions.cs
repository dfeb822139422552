using Reconciler.Core.Resilience;

namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>Retry, timeout, circuit-breaker and rate-limit settings for AWS calls (sized under the ECS quotas).</summary>
public sealed class AwsCallOptions
{
    public int MaxRetryAttempts { get; set; } = 6;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);
    public double CircuitFailureRatio { get; set; } = 0.8;
    public int CircuitMinimumThroughput { get; set; } = 20;
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sustained calls per second per region (ECS describe/list quotas are ~20/s with bursts of 50).</summary>
    public double CallsPerSecond { get; set; } = 10;
    public int CallBurst { get; set; } = 20;

    /// <summary>RegisterTaskDefinition is throttled at ~1/s sustained by ECS.</summary>
    public double RegistrationsPerSecond { get; set; } = 1;
    public int RegistrationBurst { get; set; } = 5;

    public Core.Resilience.CloudPipelineOptions Pipeline => new(MaxRetryAttempts, RetryBaseDelay, RetryMaxDelay, AttemptTimeout,
        CircuitFailureRatio, CircuitMinimumThroughput, CircuitBreakDuration);

    /// <summary>
    /// The daemon-wide write budget (<c>--max-writes-per-minute</c>), shared with every other platform; each write
    /// attempt takes a token from it first. Null: no limit beyond the quotas above.
    /// </summary>
    public TokenBucket? WriteBudget { get; set; }
}
