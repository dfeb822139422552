using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Testing.Builders;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>Every change records what was applied, so appliedRevision and drift stay true after a count-only commit.</summary>
public sealed class AppliedRevisionTagTests
{
    [Test]
    public async Task A_count_only_commit_records_its_revision_and_spec_on_the_service()
    {
        var manifest = EcsManifestBuilder.Manifest();
        await using var harness = await PlatformHarness.StartAsync(manifest.Spec.Region, manifest.Spec.Cluster);
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", manifest.Spec.Region);
        await harness.ConvergeAsync(manifest, "commit-1");
        var scaled = manifest with { Spec = manifest.Spec with { DesiredCount = 3 } };

        await harness.ConvergeAsync(scaled, "commit-2");

        var described = await harness.Clients.For(manifest.Spec.Region).Ecs.DescribeServicesAsync(new Api.DescribeServicesRequest
        {
            Cluster = manifest.Spec.Cluster, Services = [manifest.Metadata.Name], Include = ["TAGS"],
        });
        var tags = described.Services.Single().Tags!.ToDictionary(t => t.Key, t => t.Value);
        Assert.That(tags[TagKeys.GitRevision], Is.EqualTo("commit-2"));
        Assert.That(tags[TagKeys.Spec], Is.EqualTo(SpecFingerprint.OfService(scaled.Spec)));
    }
}
