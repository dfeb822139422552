using Reconciler.Core.Ecs;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>
/// What Reconciler writes, ECS reports back with its defaults: after one convergence the next observation must be
/// in sync, for every field a manifest can set — or every resync would deploy again (the perpetual diff).
/// </summary>
public sealed class EcsPlatformRoundTripTests
{
    private static IEnumerable<TestCaseData> Manifests()
    {
        var m = EcsManifestBuilder.Manifest();
        yield return new TestCaseData(m).SetName("the full builder manifest (env, secrets, ports, health check, logs) is in sync after apply");
        yield return new TestCaseData(m with
        {
            Spec = m.Spec with
            {
                Tags = new Dictionary<string, string> { ["team"] = "payments", ["cost-center"] = "42" },
                Service = m.Spec.Service! with { PropagateTags = "service", EnableExecuteCommand = true, HealthCheckGracePeriod = TimeSpan.FromSeconds(30),
                    LoadBalancers = [new EcsLoadBalancer("api", 8080, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef")] },
            },
        }).SetName("service tags, propagateTags in lower case, execute command and a grace period are in sync after apply");
        yield return new TestCaseData(m with
        {
            Spec = m.Spec with
            {
                Service = m.Spec.Service! with { LaunchType = null, CapacityProviderStrategy = [new EcsCapacityProviderStrategyItem("FARGATE_SPOT", 1, 0)] },
            },
        }).SetName("a capacity provider strategy instead of a launch type is in sync after apply");
        yield return new TestCaseData(EcsManifestBuilder.Manifest(EcsManifestBuilder.Spec(EcsManifestBuilder.TaskDefinition(
            EcsManifestBuilder.Container(),
            new EcsContainerSpec("sidecar", Core.Model.Value.Of("public.ecr.aws/envoy:v1.30.0"), Essential: false,
                Command: ["--log-level", "info"], EntryPoint: ["/usr/local/bin/envoy"], MemoryReservation: 64)))))
            .SetName("a second, non-essential container with entryPoint, command and memoryReservation is in sync after apply");
        yield return new TestCaseData(m with
        {
            Spec = m.Spec with { Deployment = new EcsDeploymentSpec(MinimumHealthyPercent: 50, MaximumPercent: 150, ProgressDeadline: TimeSpan.FromMinutes(5)) },
        }).SetName("deployment percentages without a circuit breaker are in sync after apply");
        yield return new TestCaseData(m with
        {
            Spec = m.Spec with
            {
                Deployment = new EcsDeploymentSpec(CircuitBreaker: new EcsCircuitBreaker(true, false), Alarms: new EcsDeploymentAlarms(["api-5xx", "api-latency"])),
                Service = m.Spec.Service! with
                {
                    PlatformVersion = "1.4.0",
                    NetworkConfiguration = new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(["subnet-a"], ["sg-1", "sg-2"], true)),
                },
            },
        }).SetName("alarms, a breaker without rollback, a platform version and a public IP are in sync after apply");
        yield return new TestCaseData(EcsManifestBuilder.WithContainer(c => c with
        {
            PortMappings = [new EcsPortMapping(8080, Protocol: "TCP", Name: "http", AppProtocol: "HTTP2"), new EcsPortMapping(9090, Name: "metrics")],
            HealthCheck = new EcsHealthCheck(["CMD", "/bin/check"], StartPeriod: TimeSpan.FromSeconds(90.7)),
            Cpu = 128,
            Memory = 256,
        })).SetName("named port mappings in upper case, a health check with defaults and container cpu and memory are in sync after apply");
    }

    [TestCaseSource(nameof(Manifests))]
    public async Task After_one_convergence(EcsServiceManifest manifest)
    {
        await using var harness = await PlatformHarness.StartAsync(manifest.Spec.Region, manifest.Spec.Cluster);
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", manifest.Spec.Region);

        var story = await harness.ConvergeAsync(manifest);
        var writes = harness.Writes();
        var next = await harness.ReconcileAsync(manifest);

        Assert.That(story[^1], Is.EqualTo(nameof(Decision.InSync)), string.Join(" → ", story));
        Assert.That(next, Is.TypeOf<Decision.InSync>(), () => string.Join("; ", ((next as Decision.Converge)?.Changes ?? []).Select(c => c.ToString())));
        Assert.That(harness.Writes(), Is.EqualTo(writes));
    }
}
