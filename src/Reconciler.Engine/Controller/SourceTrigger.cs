namespace Reconciler.Engine.Controller;

/// <summary>Wakes the source loop before its poll interval (webhook push). Requests coalesce.</summary>
public sealed class SourceTrigger
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
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, time);
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
