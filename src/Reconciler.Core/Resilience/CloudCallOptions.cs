namespace Reconciler.Core.Resilience;

/// <summary>
/// The retry, per-attempt timeout and circuit-breaker settings both clouds' call options share (their
/// <see cref="Pipeline"/>); each cloud's options set their own defaults and add their quotas.
/// </summary>
public abstract class CloudCallOptions
{
    protected CloudCallOptions(CloudPipelineOptions defaults)
    {
        MaxRetryAttempts = defaults.MaxRetryAttempts;
        RetryBaseDelay = defaults.RetryBaseDelay;
        RetryMaxDelay = defaults.RetryMaxDelay;
        AttemptTimeout = defaults.AttemptTimeout;
        CircuitFailureRatio = defaults.CircuitFailureRatio;
        CircuitMinimumThroughput = defaults.CircuitMinimumThroughput;
        CircuitBreakDuration = defaults.CircuitBreakDuration;
    }

    public int MaxRetryAttempts { get; set; }
    public TimeSpan RetryBaseDelay { get; set; }
    public TimeSpan RetryMaxDelay { get; set; }
    public TimeSpan AttemptTimeout { get; set; }
    public double CircuitFailureRatio { get; set; }
    public int CircuitMinimumThroughput { get; set; }
    public TimeSpan CircuitBreakDuration { get; set; }

    /// <summary>
    /// The daemon-wide write budget (<c>--max-writes-per-minute</c>), shared with every other platform; each write
    /// attempt takes a token from it first. Null: no limit beyond the cloud's own quotas.
    /// </summary>
    public TokenBucket? WriteBudget { get; set; }

    public CloudPipelineOptions Pipeline => new(MaxRetryAttempts, RetryBaseDelay, RetryMaxDelay, AttemptTimeout,
        CircuitFailureRatio, CircuitMinimumThroughput, CircuitBreakDuration);
}
