using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using Reconciler.Core.Telemetry;

namespace Reconciler.Core.Resilience;

/// <summary>Retry, circuit-breaker and per-attempt timeout settings of one cloud's calls.</summary>
public sealed record CloudPipelineOptions(
    int MaxRetryAttempts,
    TimeSpan RetryBaseDelay,
    TimeSpan RetryMaxDelay,
    TimeSpan AttemptTimeout,
    double CircuitFailureRatio,
    int CircuitMinimumThroughput,
    TimeSpan CircuitBreakDuration);

/// <summary>
/// One cloud's Polly pipelines, defined once at start-up and injected into that cloud's call policy: a
/// <see cref="ResiliencePipelineRegistry{TKey}"/> with one builder (jittered exponential retry on what the cloud calls
/// retryable, then a circuit breaker that quota answers do not open), from which each location — AWS region, or Cloud
/// Run project and region, which arrive with manifests after start-up — gets its own cached instance (its own breaker
/// state), and one per-attempt timeout pipeline around the call alone (never around the rate-limiter wait).
/// Both platforms use this class, so the shape is written once.
/// </summary>
public sealed class CloudPipelines : IDisposable
{
    private static readonly PipelineKey Builder = new("", "");
    private readonly ResiliencePipelineRegistry<PipelineKey> _registry;

    /// <param name="provider">The telemetry provider label ("aws", "gcp").</param>
    /// <param name="retryable">An error worth another attempt (the per-attempt timeout always is).</param>
    /// <param name="throttling">A quota answer: retried, but it never opens the circuit.</param>
    public CloudPipelines(string provider, CloudPipelineOptions options, TimeProvider time, Func<Exception, bool> retryable, Func<Exception, bool> throttling)
    {
        Options = options;
        _registry = new ResiliencePipelineRegistry<PipelineKey>(new ResiliencePipelineRegistryOptions<PipelineKey>
        {
            BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = time },
            // Every location shares the one builder; each location is its own pipeline instance.
            BuilderComparer = new OneBuilder(),
            BuilderNameFormatter = _ => provider,
            InstanceNameFormatter = k => k.Scope.Length == 0 ? k.Region : $"{k.Scope}/{k.Region}",
        });
        _registry.TryAddBuilder(Builder, (builder, context) =>
        {
            var region = context.PipelineKey.Region;
            CloudApiTelemetry.SetCircuitOpen(provider, region, false);
            builder
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(retryable).Handle<TimeoutRejectedException>(),
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.RetryMaxDelay,
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    // Quota answers say "slow down", not "the service is broken".
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(e => retryable(e) && !throttling(e)).Handle<TimeoutRejectedException>(),
                    FailureRatio = options.CircuitFailureRatio,
                    MinimumThroughput = options.CircuitMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = options.CircuitBreakDuration,
                    OnOpened = _ => Circuit(provider, region, true),
                    OnHalfOpened = _ => Circuit(provider, region, true),
                    OnClosed = _ => Circuit(provider, region, false),
                });
        });
        Attempt = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
    }

    public CloudPipelineOptions Options { get; }

    /// <summary>Around the call alone: the timeout of one attempt.</summary>
    public ResiliencePipeline Attempt { get; }

    /// <summary>Retry and circuit breaker of one location (<paramref name="scope"/>: "" for AWS, the project for Cloud Run).</summary>
    public ResiliencePipeline For(string scope, string region) => _registry.GetPipeline(new PipelineKey(scope, region));

    /// <summary>
    /// One call through the location's pipeline, the order both clouds share: each attempt first waits for the
    /// daemon's write budget (when given) and then the location's rate-limit bucket — a wait costs time, never a retry
    /// attempt — and only then runs <paramref name="attempt"/> under the per-attempt timeout. The attempt is told
    /// whether it is a retry (for telemetry).
    /// </summary>
    public ValueTask<T> ExecuteAsync<T>(string scope, string region, TokenBucket bucket, TokenBucket? writeBudget,
        Func<bool, CancellationToken, Task<T>> attempt, CancellationToken ct)
    {
        var attempts = 0;
        return For(scope, region).ExecuteAsync(async token =>
        {
            if (writeBudget is not null)
            {
                await writeBudget.WaitAsync(token);
            }
            await bucket.WaitAsync(token);
            var retry = attempts++ > 0;
            return await Attempt.ExecuteAsync(async t => await attempt(retry, t), token);
        }, ct);
    }

    public void Dispose() => _registry.Dispose();

    private static ValueTask Circuit(string provider, string region, bool open)
    {
        CloudApiTelemetry.SetCircuitOpen(provider, region, open);
        return ValueTask.CompletedTask;
    }

    private readonly record struct PipelineKey(string Scope, string Region);

    private sealed class OneBuilder : IEqualityComparer<PipelineKey>
    {
        public bool Equals(PipelineKey x, PipelineKey y) => true;

        public int GetHashCode(PipelineKey obj) => 0;
    }
}
