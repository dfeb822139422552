namespace Reconciler.Engine.Controller;

/// <summary>
/// Wakes the source loop before its poll interval (webhook push). Requests coalesce. The poll interval runs on
/// <paramref name="pollClock"/> (real time in the daemon): git is a real server even when the cloud is simulated.
/// </summary>
public sealed class SourceTrigger(TimeProvider? pollClock = null)
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Request()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already requested: one fetch serves every request made before it starts
        }
    }

    /// <summary>Completes at the first of: a request, or the timeout.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, pollClock ?? TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // the poll interval elapsed
        }
    }
}
