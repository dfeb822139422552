namespace Reconciler.Engine.Queue;

/// <summary>
/// Calls back every interval ± jitter (default 10 %) so the engine re-enqueues every key and catches drift
/// no git change would reveal. The jitter spreads the load when several daemons start together.
/// A periodic timer, not a retry loop (Polly's advice: don't use retry as a periodic loop).
/// </summary>
public sealed class ResyncTimer : IDisposable
{
    private readonly TimeSpan interval;
    private readonly double jitter;
    private readonly Action onResync;
    private readonly Action<Exception>? onError;
    private readonly TimeProvider time;
    private readonly Func<double> random;
    private readonly Lock gate = new();
    private ITimer? timer;
    private bool disposed;

    /// <param name="random">Returns a value in [0, 1); injected so tests pin the jitter.</param>
    /// <param name="onError">Receives exceptions from <paramref name="onResync"/>; a timer callback must not throw.</param>
    public ResyncTimer(TimeSpan interval, Action onResync, TimeProvider? time = null, Func<double>? random = null,
        double jitter = 0.1, Action<Exception>? onError = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        this.interval = interval;
        this.onResync = onResync;
        this.time = time ?? TimeProvider.System;
        this.random = random ?? Random.Shared.NextDouble;
        this.jitter = jitter;
        this.onError = onError;
    }

    /// <summary>interval × (1 + jitter × (2r − 1)) for r in [0, 1): uniformly within ± jitter.</summary>
    public static TimeSpan NextDelay(TimeSpan interval, double jitter, double r) => interval * (1 + (jitter * ((2 * r) - 1)));

    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            timer ??= time.CreateTimer(_ => Tick(), null, NextDelay(interval, jitter, random()), Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
        }
    }

    private void Tick()
    {
        try
        {
            onResync();
        }
        catch (Exception e)
        {
            onError?.Invoke(e);
        }
        lock (gate)
        {
            if (!disposed)
            {
                timer?.Change(NextDelay(interval, jitter, random()), Timeout.InfiniteTimeSpan);
            }
        }
    }
}
