using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Queue;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Controller;

/// <summary>
/// The daemon's loop (controller-runtime shape): the source loop and the resync timer only enqueue keys; N workers
/// take keys from the queue, reconcile one at a time per key, and map each outcome to a requeue in one place.
/// </summary>
public sealed class ReconcileController(
    IDesiredStateSource source,
    DesiredStateStore desired,
    ResourceReconciler reconciler,
    WorkQueue<ResourceKey> queue,
    SourceTrigger trigger,
    StatusStore status,
    ReconcilerMetrics metrics,
    EngineOptions options,
    TimeProvider time,
    ILogger<ReconcileController> log) : BackgroundService
{
    private readonly RequeueScheduler _requeue = new(queue);
    private int _running;

    /// <summary>True once the source was fetched at least once, is not stale, and the workers are running (for /readyz).</summary>
    public bool Ready => Volatile.Read(ref _running) == 1 && status.Source.Revision is not null && source is not ISourceHealth { Staleness: not null };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status.SetSource(SourceState.Initial(source.Describe()));
        metrics.TrackQueueDepth(() => queue.Len);
        queue.HandedOut = metrics.RecordQueueWait;
        var workers = Enumerable.Range(0, options.Workers).Select(i => Task.Run(() => WorkerAsync(stoppingToken), stoppingToken)).ToList();
        Volatile.Write(ref _running, 1);
        var resync = ResyncLoopAsync(stoppingToken);
        try
        {
            await SourceLoopAsync(stoppingToken);
        }
        finally
        {
            queue.ShutDown();
            await Task.WhenAll(workers.Append(resync)).ContinueWith(_ => { }, TaskScheduler.Default);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Fetches the source now (the webhook path and tests use it through <see cref="SourceTrigger"/>).</summary>
    internal async Task FetchOnceAsync(CancellationToken ct)
    {
        SourceSnapshot snapshot;
        try
        {
            snapshot = await source.FetchAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.RecordFetch(false);
            log.LogWarning("Fetching {Source} failed: {Error}", source.Describe(), ex.Message);
            status.SetSource(status.Source with { FetchError = ex.Message, LastFetchAt = time.GetUtcNow() });
            return;
        }
        metrics.RecordFetch(true, time.GetUtcNow());
        if (snapshot.Revision == desired.Revision)
        {
            status.SetSource(status.Source with { LastFetchAt = time.GetUtcNow(), FetchError = null });
            return;
        }
        IReadOnlyCollection<ResourceKey> keys;
        try
        {
            keys = Load(snapshot);
        }
        catch (Exception ex)
        {
            // Contained like a failed fetch: the loop must survive whatever one snapshot does (STYLE §11).
            log.LogError(ex, "Loading {Revision} failed", snapshot.Revision);
            status.SetSource(status.Source with { FetchError = $"loading {snapshot.Revision} failed: {ex.Message}", LastFetchAt = time.GetUtcNow() });
            return;
        }
        await EnqueuePassAsync(keys, ct);
    }

    /// <summary>
    /// A pass: the platforms see its manifests first (to observe them in batches), then every key is enqueued — only
    /// this shard's keys: another replica's resource (declared or orphaned) is never observed or written here.
    /// </summary>
    private async Task EnqueuePassAsync(IReadOnlyCollection<ResourceKey> all, CancellationToken ct)
    {
        var keys = all.Where(options.Shard.Owns).ToList();
        await reconciler.BeginPassAsync(keys, ct);
        foreach (var key in keys)
        {
            queue.Add(key);
        }
    }

    /// <summary>Takes the snapshot and returns the keys to reconcile: every declared resource and the ones it removed.</summary>
    private IReadOnlyCollection<ResourceKey> Load(SourceSnapshot snapshot)
    {
        var result = desired.Apply(snapshot);
        metrics.SetManifestErrors(result.Errors.Count);
        metrics.SetSourceRevision(snapshot.Revision);
        foreach (var error in result.Errors)
        {
            log.LogError("Manifest error at {Revision}: {Error}", snapshot.Revision, error);
        }
        if (result.Prune is PruneVerdict.Refused refused)
        {
            log.LogWarning("Source at {Revision}: {Reason}", snapshot.Revision, refused.Reason);
        }
        status.SetSource(new SourceState(source.Describe(), snapshot.Revision, time.GetUtcNow(), null, result.Errors));
        if (!options.Shard.IsSingle)
        {
            var owned = desired.Keys.Count(options.Shard.Owns);
            status.SetShard(new ShardState(options.Shard, owned, desired.Keys.Count - owned));
        }
        log.LogInformation("Source at {Revision}: {Count} resources, {Errors} manifest errors",
            snapshot.Revision, desired.Keys.Count, result.Errors.Count);
        return desired.Keys.Concat(result.Removed).ToList();
    }

    private async Task SourceLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await FetchOnceAsync(ct);
            await trigger.WaitAsync(options.PollInterval, ct);
        }
    }

    private async Task ResyncLoopAsync(CancellationToken ct)
    {
        var random = new Random();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ResyncJitter.NextDelay(options.Resync, random.NextDouble()), time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await EnqueuePassAsync(desired.Keys, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WorkerAsync(CancellationToken ct)
    {
        while (true)
        {
            var (key, shutdown) = await queue.GetAsync(ct);
            if (shutdown)
            {
                return;
            }
            try
            {
                var outcome = await reconciler.ReconcileAsync(key, ct);
                if (_requeue.Apply(key, outcome) is RequeueDecision.Backoff)
                {
                    metrics.RecordQueueRetry();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Worker failed on {Resource}", key);
                _requeue.Apply(key, new ReconcileOutcome.Failed(ex.Message, true));
            }
            finally
            {
                queue.Done(key);
            }
        }
    }
}
