using Reconciler.Core.Resilience;
namespace Reconciler.Engine.Queue;

/// <summary>
/// A .NET take on client-go's rate-limited work queue (see YARP's Queues/IWorkQueue.cs). Three sets under
/// one lock: <c>queue</c> (order of hand-out), <c>dirty</c> (needs processing) and <c>processing</c>.
/// A key in dirty and processing is re-queued by <see cref="Done"/>, which is what keeps one key on one worker.
/// </summary>
public sealed class WorkQueue<TKey> : IWorkQueue<TKey>, IDisposable
    where TKey : notnull
{
    private readonly Queue<TKey> queue = new();
    private readonly HashSet<TKey> dirty = [];
    private readonly HashSet<TKey> processing = [];
    private readonly Dictionary<TKey, long> addedAt = [];
    private readonly LinkedList<TaskCompletionSource<(TKey, bool)>> waiters = new();
    private readonly Lock gate = new();
    private readonly DelayedAdds<TKey> delayed;
    private readonly TokenBucket? handOutRate;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource shutdown = new();
    private bool shuttingDown;

    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? time = null)
    {
        options ??= new WorkQueueOptions();
        this.time = time ?? TimeProvider.System;
        delayed = new DelayedAdds<TKey>(this.time, Add);
        handOutRate = double.IsPositiveInfinity(options.HandOutsPerSecond)
            ? null
            : new TokenBucket(options.HandOutsPerSecond, options.Burst, this.time);
    }

    public int Len
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Keys waiting or being processed: 0 means no reconcile is queued or running.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return queue.Count + processing.Count;
            }
        }
    }

    /// <summary>Told, under the queue's lock, how long each key handed out waited since it was added (metrics).</summary>
    public Action<TimeSpan>? HandedOut { get; set; }

    /// <summary>Keys waiting on <see cref="AddAfter"/>.</summary>
    public int DelayedCount => delayed.Count;

    public void Add(TKey key)
    {
        lock (gate)
        {
            if (shuttingDown || !dirty.Add(key))
            {
                return;
            }
            addedAt[key] = time.GetTimestamp();
            if (processing.Contains(key))
            {
                return;
            }
            queue.Enqueue(key);
            Dispatch();
        }
    }

    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
        }
        else if (!IsShuttingDown())
        {
            delayed.Schedule(key, delay);
        }
    }

    public async Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        await WaitForHandOutAsync(cancellationToken).ConfigureAwait(false);
        var waiter = new TaskCompletionSource<(TKey, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<(TKey, bool)>> node;
        lock (gate)
        {
            if (queue.Count > 0)
            {
                return (Take(), false);
            }
            if (shuttingDown)
            {
                return (default!, true);
            }
            node = waiters.AddLast(waiter);
        }
        await using var registration = cancellationToken.Register(() => CancelWaiter(node, cancellationToken)).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    public void Done(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (dirty.Contains(key))
            {
                queue.Enqueue(key);
                Dispatch();
            }
        }
    }

    public void ShutDown()
    {
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }
            shuttingDown = true;
            foreach (var waiter in waiters)
            {
                waiter.TrySetResult((default!, true));
            }
            waiters.Clear();
        }
        delayed.Dispose();
        shutdown.Cancel();
    }

    public void Dispose()
    {
        ShutDown();
        shutdown.Dispose();
    }

    /// <summary>Global rate: wait for a token before taking a key, so a resync of hundreds of keys is spread out.</summary>
    private async Task WaitForHandOutAsync(CancellationToken cancellationToken)
    {
        var wait = handOutRate?.Reserve() ?? TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        try
        {
            await Task.Delay(wait, time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Shut down while waiting for a token: fall through and drain or report shutdown.
        }
    }

    /// <summary>Hands queued keys to waiting workers. Caller holds the lock.</summary>
    private void Dispatch()
    {
        while (queue.Count > 0 && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult((Take(), false));
        }
    }

    /// <summary>Caller holds the lock.</summary>
    private TKey Take()
    {
        var key = queue.Dequeue();
        dirty.Remove(key);
        if (addedAt.Remove(key, out var added))
        {
            HandedOut?.Invoke(time.GetElapsedTime(added));
        }
        processing.Add(key);
        return key;
    }

    private void CancelWaiter(LinkedListNode<TaskCompletionSource<(TKey, bool)>> node, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Only a waiter still in the list can be cancelled; one already handed a key keeps it.
            if (node.List is null)
            {
                return;
            }
            waiters.Remove(node);
        }
        node.Value.TrySetCanceled(cancellationToken);
    }

    private bool IsShuttingDown()
    {
        lock (gate)
        {
            return shuttingDown;
        }
    }
}
