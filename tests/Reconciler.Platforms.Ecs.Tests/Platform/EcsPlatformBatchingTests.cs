using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Emulator.Wire;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>Observing many services of one cluster at once costs one DescribeServices per 10 services.</summary>
public sealed class EcsPlatformBatchingTests
{
    private static EcsServiceManifest Named(string name) =>
        EcsManifestBuilder.Manifest(name: name) with { Metadata = new ManifestMetadata(name) };

    [TestCase(1, 1)]
    [TestCase(10, 1)]
    [TestCase(23, 3)]
    public async Task Services_observed_together_are_described_in_batches_of_ten(int services, int expectedCalls)
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var manifests = Enumerable.Range(0, services).Select(i => Named($"svc-{i:00}")).ToList();

        var observations = await Task.WhenAll(manifests.Select(m => harness.Platform.ObserveAsync(m, CancellationToken.None)));

        Assert.That(harness.Host.State.CallCount("DescribeServices", CallOutcome.Succeeded), Is.EqualTo(expectedCalls));
        Assert.That(observations.Cast<EcsObservation>().Select(o => o.Desired.Metadata.Name), Is.EqualTo(manifests.Select(m => m.Metadata.Name)));
    }

    [Test]
    public async Task Each_observation_gets_its_own_service_from_a_shared_batch()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var a = Named("alpha");
        var b = Named("beta");
        await harness.ConvergeAsync(a);
        var before = harness.Host.State.CallCount("DescribeServices", CallOutcome.Succeeded);

        var both = await Task.WhenAll(harness.Platform.ObserveAsync(a, CancellationToken.None), harness.Platform.ObserveAsync(b, CancellationToken.None));

        Assert.That(harness.Host.State.CallCount("DescribeServices", CallOutcome.Succeeded) - before, Is.EqualTo(1));
        Assert.That(((EcsObservation)both[0]).Service?.ServiceName, Is.EqualTo("alpha"));
        Assert.That(((EcsObservation)both[1]).Service, Is.Null, "beta was never created");
    }
}
