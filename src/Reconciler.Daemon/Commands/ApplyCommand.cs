using System.CommandLine;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Seams;
using Reconciler.Daemon.Hosting;
using Reconciler.Daemon.Http;
using Reconciler.Engine;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Manifests.Loading;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// <c>reconciler apply PATH... [--dry-run] [--no-wait]</c>: converge once with the same per-key reconcile the daemon
/// runs, wait for each rollout to complete or fail within its deadline, report per resource; exit 1 if any failed.
/// </summary>
internal static class ApplyCommand
{
    private const int MaxRetryableFailures = 5;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "Manifest files or folders" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan, change nothing (same as diff)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait for rollouts to finish" };
        var emulator = new Option<bool>("--emulator") { Description = "Apply to an in-process emulator instead of AWS" };
        var revision = new Option<string?>("--revision") { Description = "Git revision to record on what is changed (default: none)" };
        var command = new Command("apply", "Converge the cloud to the manifests once") { paths, dryRun, noWait, emulator, revision };
        var allow = new AllowListOptions();
        allow.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            if (allow.Bind(parse, Console.Error) is not { } allowList)
            {
                return Task.FromResult(2);
            }
            return parse.GetValue(dryRun)
                ? DiffCommand.RunAsync(parse.GetValue(paths)!, false, parse.GetValue(emulator), Console.Out, Console.Error, ct, allowList)
                : RunAsync(parse.GetValue(paths)!, parse.GetValue(noWait), parse.GetValue(emulator), parse.GetValue(revision), Console.Out, Console.Error, ct, allowList);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string[] paths, bool noWait, bool emulator, string? revision, TextWriter stdout, TextWriter stderr, CancellationToken ct,
        WriteAllowList? allowList = null)
    {
        var loaded = CliManifests.Load(paths, stderr);
        if (loaded is null)
        {
            return 1;
        }
        await using var cloud = await CliCloud.OpenAsync(emulator, loaded.Manifests, stderr, ct);
        if (cloud is null)
        {
            return 2;
        }
        using var logger = (Serilog.Core.Logger)Logging.Create("text");
        return await ConvergeAllAsync(loaded, paths, noWait, revision, cloud, logger, stdout, stderr, allowList, ct);
    }

    /// <summary>Apply against a cloud the caller opened and disposes (tests: an emulator whose calls they count).</summary>
    internal static async Task<int> RunAsync(string[] paths, bool noWait, string? revision, CloudConnection cloud, Serilog.ILogger logger,
        TextWriter stdout, TextWriter stderr, CancellationToken ct, WriteAllowList? allowList = null)
    {
        var loaded = CliManifests.Load(paths, stderr);
        return loaded is null ? 1 : await ConvergeAllAsync(loaded, paths, noWait, revision, cloud, logger, stdout, stderr, allowList, ct);
    }

    private static async Task<int> ConvergeAllAsync(LoadResult loaded, string[] paths, bool noWait, string? revision, CloudConnection cloud,
        Serilog.ILogger logger, TextWriter stdout, TextWriter stderr, WriteAllowList? allowList, CancellationToken ct)
    {
        using var factory = Logging.Factory(logger);
        var store = new DesiredStateStore(new ManifestLoader());
        store.Apply(loaded, revision ?? "", CliManifests.Root(paths));
        var status = new StatusStore();
        using var metrics = new ReconcilerMetrics();
        var reconciler = new ResourceReconciler(store, cloud.Platforms, status, metrics, new RetryRequests(),
            new EngineOptions { WriteAllowList = allowList ?? WriteAllowList.AllowAll }, cloud.Time,
            factory.CreateLogger<ResourceReconciler>());
        foreach (var skipped in loaded.Manifests.Where(m => !cloud.Platforms.Any(p => p.Handles(m))))
        {
            await stderr.WriteLineAsync($"{skipped.Key}: skipped ({skipped.Kind} is not supported yet)");
        }
        var handled = loaded.Manifests.Where(m => cloud.Platforms.Any(p => p.Handles(m))).OrderBy(m => m.Key.ToString(), StringComparer.Ordinal).ToList();
        var keys = handled.Select(m => m.Key).ToList();
        var results = await Task.WhenAll(handled.Select(m => ConvergeAsync(reconciler, m.Key, WaitLimit(cloud.Platforms.First(p => p.Handles(m)), m), noWait, cloud.Time, ct)));
        await stdout.WriteAsync(StatusTable.Render(StatusDocument.From(status)));
        var failed = keys.Zip(results).Where(r => r.Second is not null).ToList();
        foreach (var (key, error) in failed)
        {
            await stderr.WriteLineAsync($"{key}: FAILED: {error}");
        }
        return failed.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Reconciles one key until it converges, stalls or fails; null = success, else the reason. Rollouts end by their
    /// own progress deadline; the wait limit only bounds what has none (a scale-up that never gets its tasks).
    /// </summary>
    private static async Task<string?> ConvergeAsync(ResourceReconciler reconciler, ResourceKey key, TimeSpan waitLimit, bool noWait,
        TimeProvider time, CancellationToken ct)
    {
        var failures = 0;
        var started = time.GetUtcNow();
        while (true)
        {
            var outcome = await reconciler.ReconcileAsync(key, ct);
            switch (outcome)
            {
                case ReconcileOutcome.Converged:
                    return null;
                case ReconcileOutcome.Stalled s:
                    return s.Reason;
                case ReconcileOutcome.Failed { Retryable: true } when ++failures < MaxRetryableFailures:
                    await Task.Delay(RequeuePolicy.Default.BackoffDelay(failures), time, ct);
                    break;
                case ReconcileOutcome.Failed f:
                    return f.Error;
                case ReconcileOutcome.Waiting when noWait:
                    return null;
                case ReconcileOutcome.Waiting w when time.GetUtcNow() - started > waitLimit:
                    return $"not converged after {waitLimit.TotalMinutes:0} minutes: {w.Reason}";
                case ReconcileOutcome.Waiting w:
                    failures = 0;
                    await Task.Delay(w.RequeueAfter, time, ct);
                    break;
            }
        }
    }

    /// <summary>
    /// Longer than any rollout may take (its progress deadline, its verification, then a rollback), so only a stuck
    /// wait hits it.
    /// </summary>
    private static TimeSpan WaitLimit(IPlatform platform, ResourceManifest manifest) =>
        2 * platform.ProgressDeadline(manifest) + (manifest.Verify?.LongestRun ?? TimeSpan.Zero) + TimeSpan.FromMinutes(5);
}
