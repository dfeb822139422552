using Reconciler.Core.Resilience;
using System.Collections.Concurrent;
using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Reconciler.Core.Seams;
using Reconciler.Core.Telemetry;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>
/// The one way AWS is called: a token bucket per region (plus a slower one for <see cref="AwsCallClass.Registration"/>),
/// then a Polly pipeline per region — retry with jittered exponential back-off on retryable errors only and a circuit
/// breaker around each attempt, and a per-attempt timeout around the call alone — built once per region. Exhausted or non-retryable failures become <see cref="PlatformException"/>
/// with the AWS message (never a response body).
/// </summary>
public sealed class AwsCallPolicy(AwsCallOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Regional> _regions = new(StringComparer.Ordinal);

    public static AwsCallPolicy Default(TimeProvider time) => new(new AwsCallOptions(), time);

    public Task<T> RunAsync<T>(string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        RunAsync(region, AwsCallClass.Standard, operation, call, ct);

    /// <summary>
    /// Each attempt first waits for a token of its class's bucket, then runs under the per-attempt timeout: a wait
    /// for the rate limiter is never counted against the call's own time.
    /// </summary>
    public async Task<T> RunAsync<T>(string region, AwsCallClass callClass, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var regional = _regions.GetOrAdd(region, r => new Regional(options, time, r));
        var bucket = callClass == AwsCallClass.Registration ? regional.Registrations : regional.Calls;
        var write = WriteOperations.Contains(operation);
        using var span = CloudApiTelemetry.StartCall(Provider, operation, region);
        var attempts = 0;
        try
        {
            return await regional.Pipeline.ExecuteAsync(
                async token =>
                {
                    // A wait for the daemon's write budget is not a failure: it costs no retry attempt, only time.
                    if (write && options.WriteBudget is { } budget)
                    {
                        await budget.WaitAsync(token);
                    }
                    await bucket.WaitAsync(token);
                    var retry = attempts++ > 0;
                    return await regional.Attempt.ExecuteAsync(async t => await MeasuredAsync(operation, call, retry, t), token);
                },
                ct);
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

    private sealed class Regional
    {
        public Regional(AwsCallOptions o, TimeProvider time, string region)
        {
            CloudApiTelemetry.SetCircuitOpen(Provider, region, false);
            Calls = new TokenBucket(o.CallsPerSecond, o.CallBurst, time);
            Registrations = new TokenBucket(o.RegistrationsPerSecond, o.RegistrationBurst, time);
            var retryable = new PredicateBuilder().Handle<AwsApiException>(e => e.IsRetryable).Handle<TimeoutRejectedException>();
            Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = retryable,
                    MaxRetryAttempts = o.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.RetryBaseDelay,
                    MaxDelay = o.RetryMaxDelay,
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<AwsApiException>(e => e.IsRetryable && e.ErrorCode != "ThrottlingException").Handle<TimeoutRejectedException>(),
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

        public TokenBucket Calls { get; }
        public TokenBucket Registrations { get; }
        /// <summary>Retry and circuit breaker around every attempt (the rate-limiter wait included).</summary>
        public ResiliencePipeline Pipeline { get; }

        /// <summary>The per-attempt timeout, around the call alone.</summary>
        public ResiliencePipeline Attempt { get; }
    }
}
