using Reconciler.Core.Ecs;
using Reconciler.Core.Reconciling;
using Reconciler.Emulator.Wire;
using Reconciler.Testing.Builders;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>Each kind of manifest change costs exactly the writes it needs, and is in sync afterwards.</summary>
public sealed class EcsPlatformChangeTests
{
    private static readonly EcsServiceManifest Manifest = EcsManifestBuilder.Manifest();

    // ECS accepts a grace period only on a service behind a load balancer (RC0030).
    private static readonly EcsLoadBalancer LoadBalancer =
        new("api", 8080, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef");

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData(Manifest with { Spec = Manifest.Spec with { DesiredCount = 3 } }, new[] { "UpdateService", "TagResource" }, 1)
            .SetName("a count change is one UpdateService, its record and no new revision");
        yield return new TestCaseData(Manifest with
            {
                Spec = Manifest.Spec with { Deployment = Manifest.Spec.Deployment! with { MaximumPercent = 150, MinimumHealthyPercent = 50 } },
            }, new[] { "UpdateService", "TagResource" }, 1)
            .SetName("a deployment configuration change is one UpdateService, its record and no new revision");
        yield return new TestCaseData(Manifest with
            {
                Spec = Manifest.Spec with { Service = Manifest.Spec.Service! with { HealthCheckGracePeriod = TimeSpan.FromSeconds(45), LoadBalancers = [LoadBalancer] } },
            }, new[] { "UpdateService", "TagResource" }, 1)
            .SetName("a load balancer with a grace period is one UpdateService, its record and no new revision");
        yield return new TestCaseData(Manifest with
            {
                Spec = Manifest.Spec with { Tags = new Dictionary<string, string> { ["team"] = "checkout" } },
            }, new[] { "TagResource" }, 1)
            .SetName("a tag change is one TagResource and no new revision");
        yield return new TestCaseData(EcsManifestBuilder.WithContainer(c => c with
            {
                Environment = new Dictionary<string, Core.Model.Value>(c.Environment!) { ["LOG_LEVEL"] = Core.Model.Value.Of("debug") },
            }), new[] { "RegisterTaskDefinition", "UpdateService", "TagResource" }, 2)
            .SetName("an environment change is a new revision, one UpdateService and its record");
    }

    [TestCaseSource(nameof(Changes))]
    public async Task A_change(EcsServiceManifest changed, string[] verbs, int revisions)
    {
        await using var harness = await PlatformHarness.StartAsync(Manifest.Spec.Region, Manifest.Spec.Cluster);
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", Manifest.Spec.Region);
        await harness.ConvergeAsync(Manifest);

        var writesBefore = WriteCounts(harness);
        var decision = await harness.ReconcileAsync(changed);
        var written = WriteCounts(harness)
            .SelectMany(op => Enumerable.Repeat(op.Key, op.Value - writesBefore.GetValueOrDefault(op.Key)))
            .Order(StringComparer.Ordinal);
        // The plan is the whole truth: the writes the cloud saw are exactly the planned actions.
        Assert.That(written, Is.EqualTo(verbs.Order(StringComparer.Ordinal)));
        var story = await harness.ConvergeAsync(changed);

        Assert.That(decision.Plan.Actions.Select(a => a.Verb), Is.EqualTo(verbs));
        Assert.That(story[^1], Is.EqualTo(nameof(Decision.InSync)), string.Join(" → ", story));
        var list = await harness.Clients.For(Manifest.Spec.Region).Ecs.ListTaskDefinitionsAsync(new Api.ListTaskDefinitionsRequest { FamilyPrefix = "api" });
        Assert.That(list.TaskDefinitionArns, Has.Count.EqualTo(revisions));
        Assert.That(harness.Host.State.CallCount("RegisterTaskDefinition", CallOutcome.Succeeded), Is.EqualTo(revisions));
    }

    private static Dictionary<string, int> WriteCounts(PlatformHarness harness) =>
        harness.Host.State.Calls(CallOutcome.Succeeded).Values.SelectMany(ops => ops)
            .Where(op => op.Key is "RegisterTaskDefinition" or "CreateService" or "UpdateService" or "TagResource" or "UntagResource")
            .GroupBy(op => op.Key).ToDictionary(g => g.Key, g => g.Sum(op => op.Value));
}
