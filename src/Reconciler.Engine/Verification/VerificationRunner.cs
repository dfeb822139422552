using Microsoft.Extensions.Logging;
using Reconciler.Core.Model;
using Reconciler.Core.Redaction;
using Reconciler.Core.Verification;
using Reconciler.Engine.Metrics;

namespace Reconciler.Engine.Verification;

/// <summary>
/// Runs the checks a verification decision says are due, once each, and returns the state with their results added.
/// Its own HttpClient, never the cloud API's rate limiter or retry pipeline: a check is retried by its own interval and
/// limits, not by Polly. The world's clock (<paramref name="time"/>, simulated on the emulator) stamps results and sets
/// a query's evaluation time; <paramref name="wallClock"/> bounds each call, since a hung socket takes real time.
/// </summary>
public sealed class VerificationRunner(HttpClient http, ReconcilerMetrics metrics, TimeProvider time, ILogger log, TimeProvider? wallClock = null)
{
    private readonly TimeProvider _wall = wallClock ?? TimeProvider.System;

    /// <summary>A client for checks: no cookies, a few redirects, per-call timeouts (the client's own is off).</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 3,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <param name="sensitive">The resource's sensitive values: scrubbed from the evidence (a body may echo one) before it is stored or shown.</param>
    public async Task<VerificationState> RunAsync(ResourceKey key, VerificationRun run, IReadOnlyCollection<string> sensitive, CancellationToken ct)
    {
        var state = run.State;
        foreach (var check in run.Due)
        {
            var at = time.GetUtcNow();
            var found = await RunOneAsync(run, check, at, ct);
            var outcome = found with { Evidence = SecretScrubber.Scrub(found.Evidence, sensitive) };
            state = state.With(check.Index, outcome, at);
            metrics.RecordVerificationCheck(key.Kind, check.Name, outcome.Result);
            // A passing probe every 10s is routine (Debug); a failed or inconclusive one is what a person looks for.
            log.Log(outcome.Result == CheckResult.Pass ? LogLevel.Debug : LogLevel.Warning,
                "{Resource}: verify check {Check} ({CheckKind}): {Result}, {Evidence}", key, check.Name, check.Kind, outcome.Result, outcome.Evidence);
        }
        return state;
    }

    private Task<CheckOutcome> RunOneAsync(VerificationRun run, VerificationCheck check, DateTimeOffset at, CancellationToken ct)
    {
        var httpChecks = run.Spec.Http ?? [];
        if (check.Index < httpChecks.Count)
        {
            var spec = httpChecks[check.Index];
            return HttpProbe.ProbeAsync(http, spec, run.Fill(spec.Url), _wall, ct);
        }
        var prometheus = run.Spec.Prometheus!;
        return PrometheusQuery.QueryAsync(http, prometheus.Address, prometheus.Checks[check.Index - httpChecks.Count], at, _wall, ct);
    }
}
