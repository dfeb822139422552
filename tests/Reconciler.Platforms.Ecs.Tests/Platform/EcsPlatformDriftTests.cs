using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Emulator.Wire;
using Reconciler.Testing.Builders;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>Someone changes the service by hand: Reconciler puts it back (selfHeal) or reports it and waits (selfHeal off).</summary>
public sealed class EcsPlatformDriftTests
{
    private const string Revision = "3f2a9c1";
    private static readonly EcsServiceManifest Manifest = EcsManifestBuilder.Manifest();

    [Test]
    public async Task A_count_changed_by_hand_is_reported_as_drift_and_scaled_back()
    {
        await using var harness = await StartAsync();
        await harness.ConvergeAsync(Manifest, Revision);
        await ScaleByHandAsync(harness, 5);

        var decision = await harness.ReconcileAsync(Manifest, Revision);
        await harness.ConvergeAsync(Manifest, Revision);

        Assert.That(decision, Is.TypeOf<Decision.Converge>().With.Property(nameof(Decision.Converge.IsDrift)).True);
        Assert.That((await ServiceAsync(harness)).DesiredCount, Is.EqualTo(2));
    }

    [Test]
    public async Task With_self_heal_off_a_count_changed_by_hand_is_left_alone_and_reported()
    {
        var manual = Manifest with { Spec = Manifest.Spec with { SyncPolicy = new SyncPolicy(SelfHeal: false) } };
        await using var harness = await StartAsync();
        await harness.ConvergeAsync(manual, Revision);
        await ScaleByHandAsync(harness, 5);
        var writes = harness.Writes();

        var decision = await harness.ReconcileAsync(manual, Revision);

        Assert.That(decision, Is.TypeOf<Decision.Stalled>());
        Assert.That(decision.Message, Does.Contain("desiredCount").And.Contain("selfHeal is false"));
        Assert.That(harness.Writes(), Is.EqualTo(writes));
        Assert.That((await ServiceAsync(harness)).DesiredCount, Is.EqualTo(5));
    }

    [Test]
    public async Task A_task_definition_deployed_by_hand_is_replaced_by_the_revision_reconciler_registered_without_a_new_one()
    {
        await using var harness = await StartAsync();
        await harness.ConvergeAsync(Manifest, Revision);
        var ecs = harness.Clients.For(Manifest.Spec.Region).Ecs;
        var ours = (await ServiceAsync(harness)).TaskDefinition!;
        var current = (await ecs.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = ours })).TaskDefinition!;
        var hotfix = await ecs.RegisterTaskDefinitionAsync(new Api.RegisterTaskDefinitionRequest
        {
            Family = current.Family!, Cpu = current.Cpu, Memory = current.Memory, NetworkMode = current.NetworkMode,
            RequiresCompatibilities = current.RequiresCompatibilities, ExecutionRoleArn = current.ExecutionRoleArn,
            ContainerDefinitions = [.. current.ContainerDefinitions!.Select(c => c with { Image = c.Image + "-hotfix" })],
        });
        await ecs.UpdateServiceAsync(new Api.UpdateServiceRequest
        {
            Cluster = Manifest.Spec.Cluster, Service = Manifest.Metadata.Name, TaskDefinition = hotfix.TaskDefinition!.TaskDefinitionArn,
        });
        var registered = harness.Host.State.CallCount("RegisterTaskDefinition", CallOutcome.Succeeded);

        var story = await harness.ConvergeAsync(Manifest, Revision);

        Assert.That(story[0], Is.EqualTo(nameof(Decision.Converge)));
        Assert.That(story[^1], Is.EqualTo(nameof(Decision.InSync)), string.Join(" → ", story));
        Assert.That((await ServiceAsync(harness)).TaskDefinition, Is.EqualTo(ours));
        Assert.That(harness.Host.State.CallCount("RegisterTaskDefinition", CallOutcome.Succeeded), Is.EqualTo(registered));
    }

    private static async Task<PlatformHarness> StartAsync()
    {
        var harness = await PlatformHarness.StartAsync(Manifest.Spec.Region, Manifest.Spec.Cluster);
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", Manifest.Spec.Region);
        return harness;
    }

    private static async Task ScaleByHandAsync(PlatformHarness harness, int count) =>
        await harness.Clients.For(Manifest.Spec.Region).Ecs.UpdateServiceAsync(new Api.UpdateServiceRequest
        {
            Cluster = Manifest.Spec.Cluster, Service = Manifest.Metadata.Name, DesiredCount = count,
        });

    private static async Task<Api.Service> ServiceAsync(PlatformHarness harness) =>
        (await harness.Clients.For(Manifest.Spec.Region).Ecs.DescribeServicesAsync(new Api.DescribeServicesRequest
        {
            Cluster = Manifest.Spec.Cluster, Services = [Manifest.Metadata.Name],
        })).Services.Single();
}
