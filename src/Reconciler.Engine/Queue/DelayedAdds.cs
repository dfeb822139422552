namespace Reconciler.Engine.Queue;

/// <summary>
/// Keys waiting for a delay before they are added. One timer per key; a second delay for the same key
/// keeps whichever fires first, as client-go's delaying queue does.
/// </summary>
internal sealed class DelayedAdds<TKey>(TimeProvider time, Action<TKey> onDue) : IDisposable
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> pending = [];
    private readonly Lock gate = new();
    private bool disposed;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public void Schedule(TKey key, TimeSpan delay)
    {
        var due = time.GetUtcNow() + delay;
        lock (gate)
        {
            if (disposed || (pending.TryGetValue(key, out var existing) && existing.Due <= due))
            {
                return;
            }
            existing?.Timer?.Dispose();
            var entry = new Entry(key, due);
            pending[key] = entry;
            // Fire takes the same lock, so a timer firing early still sees entry.Timer assigned.
            entry.Timer = time.CreateTimer(_ => Fire(entry), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var entry in pending.Values)
            {
                entry.Timer?.Dispose();
            }
            pending.Clear();
        }
    }

    private void Fire(Entry entry)
    {
        lock (gate)
        {
            // A superseded or cancelled entry must not add the key.
            if (!pending.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }
            pending.Remove(entry.Key);
            entry.Timer?.Dispose();
        }
        onDue(entry.Key);
    }

    private sealed class Entry(TKey key, DateTimeOffset due)
    {
        public TKey Key { get; } = key;

        public DateTimeOffset Due { get; } = due;

        public ITimer? Timer { get; set; }
    }
}
