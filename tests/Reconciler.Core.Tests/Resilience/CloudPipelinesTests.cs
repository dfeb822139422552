using Polly.CircuitBreaker;
using Reconciler.Core.Resilience;

namespace Reconciler.Core.Tests.Resilience;

/// <summary>One pipeline definition, built at start-up; one pipeline instance (one breaker) per location.</summary>
public sealed class CloudPipelinesTests
{
    private sealed class Broken : Exception;

    private sealed class Throttled : Exception;

    private static CloudPipelines Create() => new("test",
        new CloudPipelineOptions(MaxRetryAttempts: 1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(5),
            CircuitFailureRatio: 0.5, CircuitMinimumThroughput: 2, TimeSpan.FromMinutes(1)),
        TimeProvider.System, e => e is Broken or Throttled, e => e is Throttled);

    private static async Task FailAsync(CloudPipelines p, string scope, string region, Exception error)
    {
        try
        {
            await p.For(scope, region).ExecuteAsync(_ => throw error);
        }
        catch (Exception e) when (e.GetType() == error.GetType() || e is BrokenCircuitException)
        {
        }
    }

    [Test]
    public void The_same_location_gets_the_same_pipeline_instance_and_another_location_its_own()
    {
        using var p = Create();
        Assert.That(p.For("", "eu-west-1"), Is.SameAs(p.For("", "eu-west-1")));
        Assert.That(p.For("", "eu-west-1"), Is.Not.SameAs(p.For("", "us-east-1")));
        Assert.That(p.For("proj-a", "europe-west1"), Is.Not.SameAs(p.For("proj-b", "europe-west1")));
    }

    [Test]
    public async Task Failures_in_one_region_open_its_circuit_and_leave_the_other_regions_closed()
    {
        using var p = Create();
        for (var i = 0; i < 3; i++)
        {
            await FailAsync(p, "", "eu-west-1", new Broken());
        }

        Assert.ThrowsAsync<BrokenCircuitException>(async () => await p.For("", "eu-west-1").ExecuteAsync(_ => ValueTask.CompletedTask));
        Assert.DoesNotThrowAsync(async () => await p.For("", "us-east-1").ExecuteAsync(_ => ValueTask.CompletedTask));
    }

    [Test]
    public async Task Quota_answers_are_retried_but_never_open_the_circuit()
    {
        using var p = Create();
        for (var i = 0; i < 5; i++)
        {
            await FailAsync(p, "", "eu-west-1", new Throttled());
        }

        Assert.DoesNotThrowAsync(async () => await p.For("", "eu-west-1").ExecuteAsync(_ => ValueTask.CompletedTask));
    }
}
