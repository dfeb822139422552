namespace Reconciler.Engine.Queue;

/// <summary>
/// The global hand-out rate (client-go's default controller limiter has the same bucket). Per-key back-off is not
/// the queue's: the one failure count lives in <c>RequeueScheduler</c>, which adds the key back after its delay.
/// </summary>
public sealed record WorkQueueOptions
{
    /// <summary>Sustained keys handed out per second across all workers; <see cref="double.PositiveInfinity"/> disables the limit.</summary>
    public double HandOutsPerSecond { get; init; } = 10;

    /// <summary>Keys that may be handed out back to back before the rate applies (e.g. after a resync).</summary>
    public int Burst { get; init; } = 100;
}
