using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>
/// The one way AWS is called: a token bucket per region (plus a slower one for RegisterTaskDefinition), then a Polly
/// pipeline per region — retry with jittered exponential back-off on retryable errors only, a per-attempt timeout, and
/// a circuit breaker — built once per endpoint. Exhausted or non-retryable failures become <see cref="PlatformException"/>
/// with the AWS message (never a response body).
/// </summary>
public sealed class AwsCallPolicy(AwsCallOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Regional> _regions = new(StringComparer.Ordinal);

    public static AwsCallPolicy Default(TimeProvider time) => new(new AwsCallOptions(), time);

    public async Task<T> RunAsync<T>(string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var regional = _regions.GetOrAdd(region, _ => new Regional(options, time));
        try
        {
            return await regional.Pipeline.ExecuteAsync(
                async token =>
                {
                    await (operation == "RegisterTaskDefinition" ? regional.Registrations : regional.Calls).WaitAsync(token);
                    return await call(token);
                },
                ct);
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

    private sealed class Regional
    {
        public Regional(AwsCallOptions o, TimeProvider time)
        {
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
                })
                .AddTimeout(o.AttemptTimeout)
                .Build();
        }

        public TokenBucket Calls { get; }
        public TokenBucket Registrations { get; }
        public ResiliencePipeline Pipeline { get; }
    }
}
