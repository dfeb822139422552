namespace Reconciler.Engine.Queue;

/// <summary>
/// A rate-limited work queue in the style of client-go's workqueue: triggers only enqueue keys; workers
/// take a key, reconcile it, then call <see cref="Done"/>. A key is never handed to two workers at once.
/// </summary>
public interface IWorkQueue<TKey>
    where TKey : notnull
{
    /// <summary>Keys waiting to be handed out (not counting keys being processed or delayed).</summary>
    int Len { get; }

    void Add(TKey key);

    void AddAfter(TKey key, TimeSpan delay);

    /// <summary>Waits for the next key. <c>ShutDown</c> is true once the queue is shut down and drained.</summary>
    Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key finished; if it was added again meanwhile it is queued once more.</summary>
    void Done(TKey key);

    /// <summary>Stops accepting keys and wakes every waiting worker; already-queued keys are still handed out.</summary>
    void ShutDown();
}
