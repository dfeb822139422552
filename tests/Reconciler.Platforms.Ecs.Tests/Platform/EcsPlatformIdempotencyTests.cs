using Reconciler.Core.Reconciling;
using Reconciler.Emulator.Faults;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Testing.Builders;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>
/// A write whose answer is lost (the connection drops after ECS applied it) is retried; the retry must find what the
/// first attempt made instead of making it twice.
/// </summary>
public sealed class EcsPlatformIdempotencyTests
{
    [TestCase("RegisterTaskDefinition", TestName = "A lost RegisterTaskDefinition answer does not register a second revision")]
    [TestCase("CreateService", TestName = "A lost CreateService answer does not fail or create a second service")]
    [TestCase("UpdateService", TestName = "A lost UpdateService answer does not start a second deployment")]
    public async Task A_lost_answer(string operation)
    {
        var manifest = EcsManifestBuilder.Manifest();
        await using var harness = await PlatformHarness.StartAsync(manifest.Spec.Region, manifest.Spec.Cluster, new AwsCallOptions { RetryBaseDelay = TimeSpan.Zero });
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", manifest.Spec.Region);
        if (operation == "UpdateService")
        {
            await harness.ConvergeAsync(manifest);
            manifest = EcsManifestBuilder.WithImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.0", manifest);
        }
        var lost = 0;
        harness.Host.State.OnCall(call => call.Operation == operation && Interlocked.Increment(ref lost) == 1
            ? CallDirective.DropAfterApplying
            : CallDirective.Proceed);

        var story = await harness.ConvergeAsync(manifest);

        Assert.That(lost, Is.GreaterThanOrEqualTo(1), "the answer was never lost");
        Assert.That(story[^1], Is.EqualTo(nameof(Decision.InSync)), string.Join(" → ", story));
        var ecs = harness.Clients.For(manifest.Spec.Region).Ecs;
        var revisions = await ecs.ListTaskDefinitionsAsync(new Api.ListTaskDefinitionsRequest { FamilyPrefix = "api" });
        Assert.That(revisions.TaskDefinitionArns, Has.Count.EqualTo(operation == "UpdateService" ? 2 : 1));
        var deployments = await ecs.ListServiceDeploymentsAsync(new Api.ListServiceDeploymentsRequest { Cluster = "prod", Service = "api" });
        Assert.That(deployments.ServiceDeployments, Has.Count.EqualTo(operation == "UpdateService" ? 2 : 1));
    }
}
