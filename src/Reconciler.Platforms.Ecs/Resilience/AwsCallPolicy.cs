using Reconciler.Core.Resilience;
using System.Collections.Concurrent;
using System.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Reconciler.Core.Seams;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>
/// The one way AWS is called: a token bucket per region (plus a slower one for <see cref="AwsCallClass.Registration"/>),
/// then the region's Polly pipeline from <see cref="CloudPipelines"/> — built at start-up and injected: retry with
/// jittered exponential back-off on retryable errors only and a circuit breaker around each attempt, and a
/// per-attempt timeout around the call alone. Exhausted or non-retryable failures become <see cref="PlatformException"/>
/// with the AWS message (never a response body).
/// </summary>
public sealed class AwsCallPolicy(AwsCallOptions options, CloudPipelines pipelines, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Buckets> _regions = new(StringComparer.Ordinal);

    /// <summary>Policy and pipelines from the same options (tests, one-shot commands).</summary>
    public AwsCallPolicy(AwsCallOptions options, TimeProvider time) : this(options, Pipelines(options, time), time)
    {
    }

    public static AwsCallPolicy Default(TimeProvider time) => new(new AwsCallOptions(), time);

    /// <summary>AWS's pipelines: what is retryable is the AWS error's own classification; throttling never opens the circuit.</summary>
    public static CloudPipelines Pipelines(AwsCallOptions options, TimeProvider time) =>
        new(Provider, options.Pipeline, time,
            e => e is AwsApiException { IsRetryable: true },
            e => e is AwsApiException a && AwsErrorCodes.IsThrottling(a.ErrorCode));

    public Task<T> RunAsync<T>(string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        RunAsync(region, AwsCallClass.Standard, operation, call, ct);

    /// <summary>
    /// Each attempt first waits for a token of its class's bucket, then runs under the per-attempt timeout: a wait
    /// for the rate limiter is never counted against the call's own time.
    /// </summary>
    public async Task<T> RunAsync<T>(string region, AwsCallClass callClass, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var buckets = _regions.GetOrAdd(region, _ => new Buckets(options, time));
        var bucket = callClass == AwsCallClass.Registration ? buckets.Registrations : buckets.Calls;
        var budget = WriteOperations.Contains(operation) ? options.WriteBudget : null;
        using var span = CloudApiTelemetry.StartCall(Provider, operation, region);
        try
        {
            return await pipelines.ExecuteAsync("", region, bucket, budget, (retry, t) => MeasuredAsync(operation, call, retry, t), ct);
        }
        catch (Exception ex) when (span is not null && Failed(span, ex))
        {
            throw;
        }
        catch (AwsApiException ex)
        {
            throw new PlatformException($"{operation} failed in {region}: {ex.ErrorCode}: {ex.Message}", ex.IsRetryable, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PlatformException($"{operation} in {region} timed out after {options.AttemptTimeout.TotalSeconds:0}s", true, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new PlatformException($"{operation} in {region} not attempted: too many recent failures (circuit open)", true, ex);
        }
    }

    /// <summary>One attempt, reported to <see cref="CloudApiTelemetry"/>. Network time is wall time, whatever the cloud's clock.</summary>
    private static async Task<T> MeasuredAsync<T>(string operation, Func<CancellationToken, Task<T>> call, bool retry, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var code = "200";
        var throttled = false;
        try
        {
            return await call(ct);
        }
        catch (AwsApiException ex)
        {
            // The HTTP status is a bounded label; without a response the code is one of the client's fixed words.
            code = ex.HttpStatus > 0 ? ex.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.ErrorCode;
            throttled = AwsErrorCodes.IsThrottling(ex.ErrorCode);
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutRejectedException)
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

    private const string Provider = "aws";

    /// <summary>The ECS operations that change something (each takes a token of <see cref="AwsCallOptions.WriteBudget"/>).</summary>
    internal static readonly IReadOnlySet<string> WriteOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "UntagResource", "DeleteService",
    };

    private sealed class Buckets(AwsCallOptions o, TimeProvider time)
    {
        public TokenBucket Calls { get; } = new(o.CallsPerSecond, o.CallBurst, time);
        public TokenBucket Registrations { get; } = new(o.RegistrationsPerSecond, o.RegistrationBurst, time);
    }
}
