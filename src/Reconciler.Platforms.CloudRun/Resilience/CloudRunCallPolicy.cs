using Reconciler.Core.Resilience;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Reconciler.Core.Seams;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Resilience;

/// <summary>
/// The one way the Admin API is called: per project and region, the Polly pipeline from <see cref="CloudPipelines"/>
/// — built at start-up and injected: retry with jittered exponential back-off on retryable errors only, then a
/// circuit breaker — and inside each attempt first a token from the read or write bucket, then the call under the
/// per-attempt timeout, so waiting for quota never eats the attempt's time. Exhausted or non-retryable failures
/// become <see cref="PlatformException"/> with Google's message. A <see cref="RevisionConflictException"/> and a 404
/// pass through untouched: callers handle them.
/// </summary>
internal sealed class CloudRunCallPolicy(CloudRunCallOptions options, CloudPipelines pipelines, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Project, string Region), Buckets> _locations = new();

    /// <summary>Policy and pipelines from the same options (tests).</summary>
    public CloudRunCallPolicy(CloudRunCallOptions options, TimeProvider time) : this(options, Pipelines(options, time), time)
    {
    }

    /// <summary>Cloud Run's pipelines: Google's retryable statuses are retried; quota answers never open the circuit.</summary>
    public static CloudPipelines Pipelines(CloudRunCallOptions options, TimeProvider time) =>
        new(Provider, options.Pipeline, time,
            e => e is RunApiException { IsRetryable: true },
            e => e is RunApiException { IsThrottling: true });

    public CloudRunCallOptions Options => options;

    public async Task<T> RunAsync<T>(string project, string region, CallKind kind, string operation,
        Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var buckets = _locations.GetOrAdd((project, region), _ => new Buckets(options, time));
        var bucket = kind == CallKind.Write ? buckets.Writes : buckets.Reads;
        var budget = kind == CallKind.Write ? options.WriteBudget : null;
        using var span = CloudApiTelemetry.StartCall(Provider, operation, region);
        try
        {
            return await pipelines.ExecuteAsync(project, region, bucket, budget, (retry, t) => MeasuredAsync(operation, call, retry, t), ct);
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

    private sealed class Buckets(CloudRunCallOptions o, TimeProvider time)
    {
        public TokenBucket Reads { get; } = new(o.ReadsPerMinute / 60.0, o.ReadBurst, time);
        public TokenBucket Writes { get; } = new(o.WritesPerMinute / 60.0, o.WriteBurst, time);
    }
}
