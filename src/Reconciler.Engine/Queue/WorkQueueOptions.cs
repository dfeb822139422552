namespace Reconciler.Engine.Queue;

/// <summary>Back-off per key and a global hand-out rate (client-go's default controller limiter uses the same shape).</summary>
public sealed record WorkQueueOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Sustained keys handed out per second across all workers; <see cref="double.PositiveInfinity"/> disables the limit.</summary>
    public double HandOutsPerSecond { get; init; } = 10;

    /// <summary>Keys that may be handed out back to back before the rate applies (e.g. after a resync).</summary>
    public int Burst { get; init; } = 100;
}
