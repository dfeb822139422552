using Reconciler.Core.Resilience;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Reconciler.Core.Seams;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Resilience;

/// <summary>
/// The one way the Admin API is called: per project and region, a Polly pipeline built once (retry with jittered
/// exponential back-off on retryable errors only, then a circuit breaker), and inside each attempt first a token from
/// the read or write bucket, then the call under the per-attempt timeout — so waiting for quota never eats the
/// attempt's time. Exhausted or non-retryable failures become <see cref="PlatformException"/> with Google's message.
/// A <see cref="RevisionConflictException"/> and a 404 pass through untouched: callers handle them.
/// </summary>
internal sealed class CloudRunCallPolicy(CloudRunCallOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Project, string Region), Location> _locations = new();

    public CloudRunCallOptions Options => options;

    public async Task<T> RunAsync<T>(string project, string region, CallKind kind, string operation,
        Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var location = _locations.GetOrAdd((project, region), _ => new Location(options, time, region));
        var bucket = kind == CallKind.Write ? location.Writes : location.Reads;
        using var span = CloudApiTelemetry.StartCall(Provider, operation, region);
        var attempts = 0;
        try
        {
            return await location.Pipeline.ExecuteAsync(async token =>
            {
                // The daemon's write budget first; waiting for it is not a failure and costs no retry attempt.
                if (kind == CallKind.Write && options.WriteBudget is { } budget)
                {
                    await budget.WaitAsync(token);
                }
                await bucket.WaitAsync(token);
                var retry = attempts++ > 0;
                return await location.Attempt.ExecuteAsync(async t => await MeasuredAsync(operation, call, retry, t), token);
            }, ct);
        }
        catch (Exception ex) when (span is not null && Failed(span, ex))
        {
            throw;
        }
        catch (RunApiException ex) when (ex is not RevisionConflictException && !ex.IsNotFound && !ex.IsAlreadyExists)
        {
            throw new PlatformException($"Cloud Run {ex.Message} ({project}/{region})", ex.IsRetryable, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PlatformException($"Cloud Run {operation} in {project}/{region} timed out after {options.AttemptTimeout.TotalSeconds:0}s", true, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new PlatformException($"Cloud Run {operation} in {project}/{region} not attempted: too many recent failures (circuit open)", true, ex);
        }
    }

    private const string Provider = "gcp";

    /// <summary>One attempt, reported to <see cref="CloudApiTelemetry"/> (docs/metrics.md); network time is wall time.</summary>
    private static async Task<T> MeasuredAsync<T>(string operation, Func<CancellationToken, Task<T>> call, bool retry, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var code = "200";
        var throttled = false;
        try
        {
            return await call(ct);
        }
        catch (RunApiException ex)
        {
            code = ex.HttpStatus > 0 ? ex.HttpStatus.ToString(CultureInfo.InvariantCulture) : ex.Status;
            throttled = ex.IsThrottling;
            throw;
        }
        catch (OperationCanceledException)
        {
            code = "Canceled";
            throw;
        }
        finally
        {
            CloudApiTelemetry.Record(Provider, operation, code, Stopwatch.GetElapsedTime(started), throttled, retry);
        }
    }

    private static bool Failed(Activity span, Exception ex)
    {
        span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        return false;
    }

    private sealed class Location
    {
        public Location(CloudRunCallOptions o, TimeProvider time, string region)
        {
            CloudApiTelemetry.SetCircuitOpen(Provider, region, false);
            Reads = new TokenBucket(o.ReadsPerMinute / 60.0, o.ReadBurst, time);
            Writes = new TokenBucket(o.WritesPerMinute / 60.0, o.WriteBurst, time);
            Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<RunApiException>(e => e.IsRetryable).Handle<TimeoutRejectedException>(),
                    MaxRetryAttempts = o.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.RetryBaseDelay,
                    MaxDelay = o.RetryMaxDelay,
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    // Quota answers say "slow down", not "the service is broken": they do not open the circuit.
                    ShouldHandle = new PredicateBuilder().Handle<RunApiException>(e => e.IsRetryable && !e.IsThrottling).Handle<TimeoutRejectedException>(),
                    FailureRatio = o.CircuitFailureRatio,
                    MinimumThroughput = o.CircuitMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = o.CircuitBreakDuration,
                    OnOpened = _ => Circuit(region, true),
                    OnHalfOpened = _ => Circuit(region, true),
                    OnClosed = _ => Circuit(region, false),
                })
                .Build();
            Attempt = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(o.AttemptTimeout).Build();
        }

        private static ValueTask Circuit(string region, bool open)
        {
            CloudApiTelemetry.SetCircuitOpen(Provider, region, open);
            return ValueTask.CompletedTask;
        }

        public TokenBucket Reads { get; }
        public TokenBucket Writes { get; }
        public ResiliencePipeline Pipeline { get; }
        public ResiliencePipeline Attempt { get; }
    }
}
