using Reconciler.Core.Resilience;

namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>Retry, timeout, circuit-breaker and rate-limit settings for AWS calls (sized under the ECS quotas).</summary>
public sealed class AwsCallOptions() : CloudCallOptions(new CloudPipelineOptions(
    MaxRetryAttempts: 6, RetryBaseDelay: TimeSpan.FromMilliseconds(200), RetryMaxDelay: TimeSpan.FromSeconds(10),
    AttemptTimeout: TimeSpan.FromSeconds(20), CircuitFailureRatio: 0.8, CircuitMinimumThroughput: 20, CircuitBreakDuration: TimeSpan.FromSeconds(15)))
{
    /// <summary>Sustained calls per second per region (ECS describe/list quotas are ~20/s with bursts of 50).</summary>
    public double CallsPerSecond { get; set; } = 10;
    public int CallBurst { get; set; } = 20;

    /// <summary>RegisterTaskDefinition is throttled at ~1/s sustained by ECS.</summary>
    public double RegistrationsPerSecond { get; set; } = 1;
    public int RegistrationBurst { get; set; } = 5;
}
