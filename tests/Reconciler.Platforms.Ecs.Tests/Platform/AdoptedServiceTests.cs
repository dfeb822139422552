using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Platforms.Ecs.Mapping;
using Reconciler.Testing.Builders;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>
/// A service made by hand and then declared in git (adopted): Reconciler updates it but never marks it as its own,
/// so removing its manifest with prune on leaves it running. Only CreateService writes managed-by.
/// </summary>
public sealed class AdoptedServiceTests
{
    private const string Revision = "3f2a9c1";
    private static readonly EcsServiceManifest Manifest = EcsManifestBuilder.Manifest() is var m
        ? m with { Spec = m.Spec with { SyncPolicy = new SyncPolicy(Prune: true) } }
        : null!;

    [Test]
    public async Task A_service_made_by_hand_and_updated_by_reconciler_never_gets_the_managed_by_tag()
    {
        await using var harness = await StartAsync();
        await CreateByHandAsync(harness, image: "example/hand-made:0.9");

        var story = await harness.ConvergeAsync(Manifest, Revision);

        Assert.That(story, Does.Contain(nameof(Decision.Converge)), "the adopted service was updated");
        var tags = await TagsAsync(harness);
        Assert.That(tags, Does.Not.ContainKey(TagKeys.ManagedBy));
        Assert.That(tags, Does.ContainKey(TagKeys.Fingerprint).And.ContainKey(TagKeys.GitRevision));
        Assert.That(await harness.ReconcileAsync(Manifest, Revision), Is.TypeOf<Decision.InSync>(),
            "the missing managed-by tag is no difference: an adopted service is in sync without it");
    }

    [Test]
    public async Task An_adopted_service_with_prune_on_is_left_alone_when_its_manifest_is_removed()
    {
        await using var harness = await StartAsync();
        await CreateByHandAsync(harness, image: "example/hand-made:0.9");
        await harness.ConvergeAsync(Manifest, Revision);
        var writes = harness.Writes();

        var observation = await harness.Platform.ObserveAsync(Manifest, CancellationToken.None);
        var decision = harness.Platform.Decider.DecideOrphan(observation);

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Plan.IsEmpty, Is.True);
        Assert.That(decision.Message, Does.Contain("Reconciler does not own it"));
        Assert.That(harness.Writes(), Is.EqualTo(writes));
    }

    [Test]
    public async Task A_service_reconciler_created_carries_the_managed_by_tag_and_is_pruned()
    {
        await using var harness = await StartAsync();
        await harness.ConvergeAsync(Manifest, Revision);

        var observation = await harness.Platform.ObserveAsync(Manifest, CancellationToken.None);

        Assert.That(await TagsAsync(harness), Does.ContainKey(TagKeys.ManagedBy).WithValue(TagKeys.ManagedByValue));
        Assert.That(harness.Platform.Decider.DecideOrphan(observation), Is.TypeOf<Decision.Converge>());
    }

    private static async Task<PlatformHarness> StartAsync()
    {
        var harness = await PlatformHarness.StartAsync(Manifest.Spec.Region, Manifest.Spec.Cluster);
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", Manifest.Spec.Region);
        return harness;
    }

    /// <summary>What a person does in the console: a task definition and a service, no Reconciler tags at all.</summary>
    private static async Task CreateByHandAsync(PlatformHarness harness, string image)
    {
        var spec = EcsManifestBuilder.WithImage(image, Manifest).Spec;
        var ecs = harness.Clients.For(spec.Region).Ecs;
        var registered = await ecs.RegisterTaskDefinitionAsync(RequestMapper.Register(spec.TaskDefinition, new Dictionary<string, string>()));
        await ecs.CreateServiceAsync(RequestMapper.Create(Manifest.Metadata.Name, spec, registered.TaskDefinition!.TaskDefinitionArn!, "by-hand",
            new Dictionary<string, string>()));
    }

    private static async Task<IReadOnlyDictionary<string, string>> TagsAsync(PlatformHarness harness)
    {
        var ecs = harness.Clients.For(Manifest.Spec.Region).Ecs;
        var service = (await ecs.DescribeServicesAsync(new Api.DescribeServicesRequest
        {
            Cluster = Manifest.Spec.Cluster, Services = [Manifest.Metadata.Name],
        })).Services.Single();
        var tags = await ecs.ListTagsForResourceAsync(new Api.ListTagsForResourceRequest { ResourceArn = service.ServiceArn! });
        return tags.Tags.ToDictionary(t => t.Key, t => t.Value);
    }
}
