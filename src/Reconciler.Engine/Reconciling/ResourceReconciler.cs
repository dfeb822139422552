using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Redaction;
using Reconciler.Core.Seams;
using Reconciler.Core.Sharding;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Core.Verification;
using Reconciler.Engine.Status;
using Reconciler.Engine.Verification;

namespace Reconciler.Engine.Reconciling;

/// <summary>
/// Level-based reconcile of one key: read desired and observed fresh, decide purely, apply the plan, and record
/// status in <c>finally</c>. Failures are contained per key (Flux/KubeOps style); nothing here loops or sleeps.
/// <paramref name="time"/> is the world's clock (decisions, deadlines; simulated on the emulator);
/// <paramref name="wallClock"/> bounds one reconcile, because a hung network call takes real time whatever the cloud's clock says.
/// </summary>
public sealed class ResourceReconciler(
    DesiredStateStore desired,
    IEnumerable<IPlatform> platforms,
    StatusStore status,
    ReconcilerMetrics metrics,
    RetryRequests retries,
    EngineOptions options,
    TimeProvider time,
    ILogger<ResourceReconciler> log,
    TimeProvider? wallClock = null,
    VerificationRunner? verifier = null)
{
    private readonly IReadOnlyList<IPlatform> _platforms = platforms.ToList();
    private readonly VerificationRunner _verifier = verifier ?? new VerificationRunner(VerificationRunner.CreateClient(), metrics, time, log, wallClock);

    /// <summary>
    /// Tells each platform that observes by pass (<see cref="IPassObserver"/>) the manifests about to be reconciled,
    /// so it can describe them in batches first. Contained: a failure only costs the batching, never a reconcile.
    /// </summary>
    public async Task BeginPassAsync(IReadOnlyCollection<ResourceKey> keys, CancellationToken cancellationToken)
    {
        var manifests = keys.Select(k => desired.Get(k)?.Manifest).OfType<ResourceManifest>().Where(m => !m.SyncPolicy.Suspended).ToList();
        foreach (var platform in _platforms.OfType<IPassObserver>())
        {
            var own = manifests.Where(((IPlatform)platform).Handles).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            try
            {
                await platform.BeginPassAsync(own, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                log.LogWarning("Observing a pass of {Count} resources in batches failed; each is observed on its own: {Error}",
                    own.Count, SecretScrubber.Scrub(ex.Message, own.SelectMany(m => m.SensitiveValues())));
            }
        }
    }

    public async Task<ReconcileOutcome> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (!options.Shard.Owns(key))
        {
            // Another replica's key (however it got here: a retry request, a stale queue entry): never observed, never written.
            return new ReconcileOutcome.Converged($"owned by shard {ShardAssignment.ShardOf(key, options.Shard.Count)} of {options.Shard.Count}");
        }
        var entry = desired.Get(key);
        var orphan = entry is null;
        if (orphan)
        {
            entry = desired.GetRemoved(key);
            if (entry is null || !entry.Manifest.SyncPolicy.PruneEnabled)
            {
                status.Update(key, s => s with { Orphaned = true, Sync = SyncStatus.OutOfSync, Message = "no longer declared in git; left in place (prune is off)" });
                return new ReconcileOutcome.Converged();
            }
        }
        using var span = ReconcileTracing.Start(key, entry!.Revision);
        // Every line of this reconcile carries these (Serilog LogContext through the scope), whatever logs it.
        using var scope = log.BeginScope(new Dictionary<string, object?>
        {
            ["Resource"] = key.ToString(),
            ["Kind"] = key.Kind,
            ["Revision"] = entry.Revision,
            ["ReconcileId"] = Guid.NewGuid().ToString("N")[..12],
            ["TraceId"] = ReconcileTracing.TraceId(span),
        });
        var started = Stopwatch.GetTimestamp();
        var record = new ReconcileRecord(entry) { Orphan = orphan };
        using var timeout = new CancellationTokenSource(options.ReconcileTimeout, wallClock ?? TimeProvider.System);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return record.Outcome = await ReconcileEntryAsync(entry, record, bounded.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            record.Error = $"reconcile did not finish within {(int)options.ReconcileTimeout.TotalSeconds}s (a cloud call hung or is too slow); retrying with back-off";
            log.LogWarning("Reconcile of {Resource} timed out after {Timeout}", key, options.ReconcileTimeout);
            return record.Outcome = new ReconcileOutcome.Failed(record.Error, true);
        }
        catch (PlatformException ex)
        {
            // A cloud's error may quote what it was sent (an environment value, a command): scrubbed before anyone sees it.
            var error = SecretScrubber.Scrub(ex.Message, entry.Manifest.SensitiveValues());
            log.LogWarning("Reconcile of {Resource} failed: {Error}", key, error);
            record.Error = error;
            return record.Outcome = ex.Retryable
                ? new ReconcileOutcome.Failed(error, true)
                : new ReconcileOutcome.Stalled(error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Contain the failure to this key: an unhandled exception in a BackgroundService stops the host.
            var error = SecretScrubber.Scrub(ex.Message, entry.Manifest.SensitiveValues());
            log.LogError("Reconcile of {Resource} failed unexpectedly: {ExceptionType}: {Error}\n{StackTrace}", key, ex.GetType().Name, error, ex.StackTrace);
            record.Error = $"internal error: {ex.GetType().Name}: {error}";
            return record.Outcome = new ReconcileOutcome.Failed(record.Error, true);
        }
        finally
        {
            Record(key, record);
            metrics.RecordReconcile(key.Kind, record.Outcome, Stopwatch.GetElapsedTime(started));
            ReconcileTracing.End(span, record.Outcome);
        }
    }

    private async Task<ReconcileOutcome> ReconcileEntryAsync(DesiredEntry entry, ReconcileRecord record, CancellationToken ct)
    {
        var manifest = entry.Manifest;
        if (manifest.SyncPolicy.Suspended)
        {
            record.Health = new HealthAssessment(HealthStatus.Suspended, "reconciliation suspended by spec.syncPolicy.suspend");
            return new ReconcileOutcome.Converged();
        }
        if (record.Orphan && desired.PruneRefusal(manifest.Key) is { } refusal)
        {
            // The guard holds this orphan: no observe, no write, until a snapshot within the limits (or a restart with higher ones).
            var held = new Decision.Stalled(Plan.Empty(manifest.Key), new HealthAssessment(HealthStatus.Unknown, refusal), refusal, []);
            record.Decision = held;
            record.Health = held.Health;
            return Outcome(held);
        }
        var platform = _platforms.FirstOrDefault(p => p.Handles(manifest));
        if (platform is null)
        {
            record.Health = new HealthAssessment(HealthStatus.Unknown, $"{manifest.Kind} is not supported yet by this build");
            return new ReconcileOutcome.Stalled(record.Health.Message);
        }
        var observation = await platform.ObserveAsync(manifest, ct);
        record.Observation = observation;
        var retry = retries.Take(manifest.Key);
        var context = new DecisionContext(time.GetUtcNow(), entry.Revision, IgnorePin: retry);
        var decision = record.Orphan ? platform.Decider.DecideOrphan(observation) : platform.Decider.Decide(observation, context);
        record.Decision = decision;
        record.Health = decision.Health;
        if (!decision.Plan.IsEmpty && await options.WriteAllowList.RefusalAsync(platform, manifest, ct) is { } writeRefusal)
        {
            // Outside the allow-list: the plan is not executed, not one write call (reading was fine).
            log.LogWarning("{Resource}: {Refusal}", manifest.Key, writeRefusal);
            record.Decision = new Decision.Stalled(Plan.Empty(manifest.Key), decision.Health, writeRefusal, decision.DifferingFields);
            return new ReconcileOutcome.Stalled(writeRefusal, ReconcileOutcome.WriteRefused);
        }
        if (!decision.Plan.IsEmpty)
        {
            await ApplyAsync(platform, decision.Plan, entry.Revision, retry, ct);
        }
        if (decision is Decision.Watch { Verification: { } run } watch)
        {
            return await VerifyAsync(platform, watch, run, entry, record, ct);
        }
        return Outcome(decision);
    }

    /// <summary>
    /// The platform says the rollout is ready and <c>spec.verify</c> runs: run the due checks once each, record the new
    /// state in the resource's tags or annotations (a planned TagService, so a restarted daemon resumes it and never
    /// counts a result twice), and look again when the next check is due. The next reconcile's decision reads the
    /// recorded state and completes the rollout or rolls it back.
    /// </summary>
    private async Task<ReconcileOutcome> VerifyAsync(IPlatform platform, Decision.Watch watch, VerificationRun run, DesiredEntry entry,
        ReconcileRecord record, CancellationToken ct)
    {
        var key = entry.Manifest.Key;
        var state = run.State;
        if (run.Due.Count > 0)
        {
            state = await _verifier.RunAsync(key, run, entry.Manifest.SensitiveValues().ToList(), ct);
            await ApplyAsync(platform, new Plan(key, [new TagService(key, run.Location, VerificationTags.Encode(state))]), entry.Revision, retry: false, ct);
        }
        var now = time.GetUtcNow();
        var verdict = Verifier.Evaluate(run.Spec, state, now);
        record.Verification = VerificationStatus.Of(run.Spec, state, VerificationStatus.Running);
        if (verdict is VerificationVerdict.Running running)
        {
            record.Decision = watch with { Health = watch.Health with { Message = running.Message }, Message = running.Message };
            record.Health = record.Decision.Health;
            var wait = running.NextAt - now;
            return new ReconcileOutcome.Waiting(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.RolloutPollInterval ? options.RolloutPollInterval : wait, running.Message);
        }
        // Passed or failed: the next decision, on the recorded state, completes the rollout or rolls it back — now.
        return new ReconcileOutcome.Waiting(TimeSpan.Zero, watch.Message);
    }

    private async Task ApplyAsync(IPlatform platform, Plan plan, string revision, bool retry, CancellationToken ct)
    {
        foreach (var action in plan.Actions)
        {
            log.LogInformation("{Resource}: planned {Action}", plan.Key, action.Verb);
        }
        ApplyReport report;
        try
        {
            report = await platform.ApplyAsync(plan, new ApplyContext(revision), ct);
        }
        catch when (retry)
        {
            // The operator's retry was not carried out (throttled, timed out): keep it for the next attempt.
            retries.Request(plan.Key);
            throw;
        }
        metrics.RecordActions(plan.Key.Kind, plan);
        foreach (var step in report.Steps)
        {
            log.LogInformation("{Resource}: {Step}", plan.Key, step);
        }
    }

    private ReconcileOutcome Outcome(Decision decision) => decision switch
    {
        Decision.InSync or Decision.Completed => new ReconcileOutcome.Converged(),
        Decision.Converge or Decision.Watch => new ReconcileOutcome.Waiting(options.RolloutPollInterval, decision.Message),
        Decision.RollBack or Decision.Stalled => new ReconcileOutcome.Stalled(decision.Message),
        _ => throw new UnreachableException(),
    };

    private void Record(ResourceKey key, ReconcileRecord record)
    {
        var now = time.GetUtcNow();
        var decision = record.Decision;
        var driftBefore = status.Get(key)?.DriftCount ?? 0;
        var updated = status.Update(key, s => StatusProjection.Project(s, record, now));
        // The projection counts drift once per detection (not on every retry or resync while it lasts); follow it.
        if (decision is not null && updated.DriftCount > driftBefore)
        {
            metrics.RecordDrift(key);
            foreach (var change in decision.DifferingFields)
            {
                log.LogWarning("Drift on {Resource}: {Field} is {Observed} in the cloud, git says {Desired}",
                    key, change.Path, change.Redacted.Observed ?? "(unset)", change.Redacted.Desired ?? "(unset)");
            }
        }
        RecordRollout(key, decision, now);
    }

    private void RecordRollout(ResourceKey key, Decision? decision, DateTimeOffset now)
    {
        switch (decision)
        {
            case Decision.Converge { Plan.IsEmpty: false }:
                metrics.RolloutApplied(key, now);
                break;
            case Decision.Completed:
                metrics.RolloutEnded(key, "completed", now);
                log.LogInformation("{Resource}: rollout completed: {Message}", key, decision.Message);
                break;
            case Decision.RollBack rollBack:
                metrics.RecordRollback(key, rollBack.Cause);
                metrics.RolloutEnded(key, "rolled_back", now);
                log.LogError("{Resource}: rollout failed, rolling back: {Message}", key, decision.Message);
                break;
            case Decision.Stalled { Health.Status: HealthStatus.Degraded } when metrics.RolloutEnded(key, "failed", now):
                log.LogError("{Resource}: rollout failed, not rolled back: {Message}", key, decision.Message);
                break;
            case Decision.InSync:
                metrics.RolloutAbandoned(key);
                break;
        }
    }
}
