namespace Reconciler.Engine.Webhooks;

/// <summary>
/// Fixed-window limit per client (e.g. 30 per minute per source IP) on <see cref="TimeProvider"/>. Checked
/// before the HMAC, so a flood of forged requests costs a dictionary lookup, not a hash of the body.
/// Counters are dropped when the window rolls over, so memory is bounded by one window's distinct clients.
/// </summary>
public sealed class WebhookRateLimiter
{
    private readonly int permitsPerWindow;
    private readonly TimeSpan window;
    private readonly TimeProvider time;
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long currentWindow = -1;

    public WebhookRateLimiter(int permitsPerWindow = 30, TimeSpan? window = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerWindow);
        this.permitsPerWindow = permitsPerWindow;
        this.window = window ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.window, TimeSpan.Zero);
        this.time = time ?? TimeProvider.System;
    }

    /// <param name="client">Source IP, or null to share one global budget.</param>
    public bool TryAcquire(string? client)
    {
        var key = client ?? string.Empty;
        lock (gate)
        {
            var windowIndex = time.GetUtcNow().UtcTicks / window.Ticks;
            if (windowIndex != currentWindow)
            {
                counts.Clear();
                currentWindow = windowIndex;
            }
            var used = counts.GetValueOrDefault(key);
            if (used >= permitsPerWindow)
            {
                return false;
            }
            counts[key] = used + 1;
            return true;
        }
    }
}
