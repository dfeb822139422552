using Reconciler.Core.Resilience;

namespace Reconciler.Platforms.CloudRun.Resilience;

/// <summary>
/// Retry, timeout, circuit-breaker and quota settings for Cloud Run Admin API calls. The Admin API limits
/// "read requests per minute per region" and "write requests per minute per region" (429 RESOURCE_EXHAUSTED past
/// them); the numbers could not be verified, so the buckets are sized below the documented defaults and configurable.
/// </summary>
public sealed class CloudRunCallOptions() : CloudCallOptions(new CloudPipelineOptions(
    MaxRetryAttempts: 6, RetryBaseDelay: TimeSpan.FromMilliseconds(500), RetryMaxDelay: TimeSpan.FromSeconds(15),
    AttemptTimeout: TimeSpan.FromSeconds(30), CircuitFailureRatio: 0.8, CircuitMinimumThroughput: 20, CircuitBreakDuration: TimeSpan.FromSeconds(15)))
{
    /// <summary>Reads (get, list, operations) per minute per project and region, and the burst.</summary>
    public int ReadsPerMinute { get; set; } = 600;
    public int ReadBurst { get; set; } = 60;

    /// <summary>Writes (create, patch) per minute per project and region, and the burst.</summary>
    public int WritesPerMinute { get; set; } = 120;
    public int WriteBurst { get; set; } = 10;

    /// <summary>How long apply follows a write's long-running operation before leaving the rest to the next observe.</summary>
    public TimeSpan OperationFollowBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First and largest pause between operation polls (doubling in between).</summary>
    public TimeSpan OperationPollDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan OperationPollMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
