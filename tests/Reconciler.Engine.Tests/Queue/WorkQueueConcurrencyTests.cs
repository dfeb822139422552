using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Tests.Queue;

public sealed class WorkQueueConcurrencyTests
{
    private const int Producers = 4;
    private const int Consumers = 4;
    private const int AddsPerProducer = 3000;
    private const int DistinctKeys = 40;

    /// <summary>
    /// Every add bumps the key's counter before calling Add; a worker records the counter when it takes the key.
    /// "No key lost" then means: for every key, some hand-out happened after its last add.
    /// </summary>
    [Test]
    public async Task Many_producers_and_consumers_lose_no_key_and_never_process_one_key_twice_at_once()
    {
        using var queue = new WorkQueue<int>(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }, new FakeTimeProvider());
        var added = new int[DistinctKeys];
        var seen = new int[DistinctKeys];
        var inFlight = new ConcurrentDictionary<int, bool>();
        var overlaps = 0;

        var consumers = Enumerable.Range(0, Consumers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (key, shutDown) = await queue.GetAsync(CancellationToken.None);
                if (shutDown)
                {
                    return;
                }
                if (!inFlight.TryAdd(key, true))
                {
                    Interlocked.Increment(ref overlaps);
                }
                InterlockedMax(ref seen[key], Volatile.Read(ref added[key]));
                await Task.Yield();
                inFlight.TryRemove(key, out var _);
                queue.Done(key);
            }
        })).ToArray();

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < AddsPerProducer; i++)
            {
                var key = (i * 7 + p) % DistinctKeys;
                Interlocked.Increment(ref added[key]);
                queue.Add(key);
                if (i % 100 == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToArray();

        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(60));
        queue.ShutDown();
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(overlaps, Is.Zero, "one key was handed to two workers at once");
        Assert.That(seen, Is.EqualTo(added), "some key was not processed after its last add");
        Assert.That(added.Sum(), Is.EqualTo(Producers * AddsPerProducer));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var observed = Interlocked.CompareExchange(ref target, value, current);
            if (observed == current)
            {
                return;
            }
            current = observed;
        }
    }
}
