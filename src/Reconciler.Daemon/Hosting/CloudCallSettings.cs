using Reconciler.Core.Resilience;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// What every platform's calls share for one daemon: the write budget (<c>--max-writes-per-minute</c>, 0 = none) and
/// the User-Agent the calls carry (<c>reconciler (shard 1/3)</c>, so CloudTrail and Cloud Audit Logs say which
/// replica wrote).
/// </summary>
internal sealed record CloudCallSettings(int MaxWritesPerMinute = 0, string UserAgent = "reconciler")
{
    public static CloudCallSettings Default { get; } = new();

    /// <summary>
    /// One bucket for the whole daemon, on the cloud's clock. Burst 1: writes are spaced 60/N seconds apart, so no
    /// minute (any 60 seconds, not only a clock minute) ever holds more than N. Null when unlimited.
    /// </summary>
    public TokenBucket? WriteBudget(TimeProvider time) =>
        MaxWritesPerMinute > 0 ? new TokenBucket(MaxWritesPerMinute / 60.0, 1, time) : null;
}
