namespace Reconciler.Engine.Status;

/// <summary>
/// Awaits a condition on a <see cref="StatusStore"/> without polling: re-checked on every <see cref="StatusStore.Changed"/>,
/// completed through a TaskCompletionSource. The timeout is a hang guard on real time, not a way to wait.
/// </summary>
internal static class StatusWaiter
{
    public static async Task WaitAsync(StatusStore store, Func<StatusStore, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            try
            {
                if (condition(store)) done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }
        store.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(timeout, ct);
        }
        finally
        {
            store.Changed -= Check;
        }
    }
}
