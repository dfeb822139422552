using Reconciler.Core.Diffing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsManifestBuilder;

namespace Reconciler.Core.Tests.Diffing;

public sealed class EcsDiffTests
{
    private static readonly EcsServiceManifest Desired = Manifest();
    private static ObservedEcsService Live => ObservedEcsBuilder.InSyncWith(Desired);

    private static IEnumerable<TestCaseData> NoDrift()
    {
        yield return Case(Desired, Live, "Diff of a manifest against an observed state carrying extra API-defaulted fields = no diff");
        yield return Case(Desired with { Spec = Desired.Spec with { DesiredCount = null } }, Live with { DesiredCount = 7 },
            "a desiredCount the manifest leaves unset (autoscaling) is never drift");
        yield return Case(Desired with { Spec = Desired.Spec with { Service = null, Deployment = null } },
            Live with { Settings = new EcsServiceSettings(LaunchType: "EC2", EnableExecuteCommand: true) },
            "service settings the manifest leaves unset are never drift");
        yield return Case(Desired, Live with { Tags = new Dictionary<string, string>(Live.Tags) { ["reconciler.io/fingerprint"] = "abc", ["owner"] = "x" } },
            "observed tags the manifest does not name (our own reconciler.io tags too) are not drift");
        yield return Case(WithContainer(c => c with { HealthCheck = c.HealthCheck! with { Interval = TimeSpan.FromSeconds(30.6) } }), Live,
            "health-check durations compare in whole seconds");
        yield return Case(Desired with { Spec = Desired.Spec with { TaskDefinition = Desired.Spec.TaskDefinition with
            { RuntimePlatform = new EcsRuntimePlatform("x86_64", "linux"), RequiresCompatibilities = ["fargate"] } } }, Live,
            "enum casing in the manifest is normalized before comparing");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { Containers = [.. td.Containers.Reverse()] }),
            "containers are matched by name, not position");
        var withLb = Desired with { Spec = Desired.Spec with { Service = Desired.Spec.Service! with
        {
            LoadBalancers = [new EcsLoadBalancer("api", 8080, "arn:tg/api")],
            CapacityProviderStrategy = [new EcsCapacityProviderStrategyItem("FARGATE_SPOT", Weight: 1)],
        } } };
        yield return Case(withLb, ObservedEcsBuilder.InSyncWith(withLb) with { Settings = ObservedEcsBuilder.InSyncWith(withLb).Settings with
            { CapacityProviderStrategy = [new EcsCapacityProviderStrategyItem("FARGATE_SPOT", 1, 0)] } },
            "a capacity provider base the API defaulted to 0 is not drift");
        yield return Case(Desired with { Spec = Desired.Spec with { Deployment = Desired.Spec.Deployment! with { ProgressDeadline = TimeSpan.FromMinutes(3) } } }, Live,
            "progressDeadline is Reconciler's own gate and never compared with ECS");
        yield return Case(Desired, Live.WithContainer("api", c => c with { PortMappings = [new EcsPortMapping(8080, 8080, "udp")] }),
            "a port mapping protocol the manifest leaves unset is not compared");
    }

    private static IEnumerable<TestCaseData> Drift()
    {
        yield return Case(Desired, Live.WithContainer("api", c => c with { Image = Value.Of("api:0.9") }),
            "a changed image is one Template change at its container path", "taskDefinition.containers[api].image");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { RuntimePlatform = new EcsRuntimePlatform("ARM64", "LINUX") }),
            "a nested record field (runtimePlatform) is compared field by field", "taskDefinition.runtimePlatform.cpuArchitecture");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { Cpu = "512" }),
            "a task-level scalar (cpu) is a Template change", "taskDefinition.cpu");
        yield return Case(WithContainer(c => c with { Command = ["serve", "--port", "8080"] }),
            Live.WithContainer("api", c => c with { Command = ["--port", "8080", "serve"] }),
            "an ordered list (command) in another order is drift", "taskDefinition.containers[api].command");
        yield return Case(Desired, Live.WithContainer("api", c => c with { Environment = new Dictionary<string, Value>(c.Environment!) { ["DEBUG"] = Value.Of("1") } }),
            "an environment variable set outside the manifest is drift", "taskDefinition.containers[api].environment[DEBUG]");
        yield return Case(Desired, Live.WithContainer("api", c => c with { Environment = new Dictionary<string, Value> { ["LOG_LEVEL"] = Value.Of("debug"), ["DB_HOST"] = Value.Of("db.internal") } }),
            "a changed environment value is drift at its key", "taskDefinition.containers[api].environment[LOG_LEVEL]");
        yield return Case(Desired, Live.WithContainer("api", c => c with { PortMappings = [.. c.PortMappings!, new EcsPortMapping(9090, 9090, "tcp")] }),
            "an extra port mapping is drift (port mappings are a set keyed by port)", "taskDefinition.containers[api].portMappings[9090]");
        yield return Case(Desired, Live.WithContainer("api", c => c with { HealthCheck = c.HealthCheck! with { StartPeriod = TimeSpan.Zero } }),
            "a health-check startPeriod of 0s against 60s desired is drift (seed 000)", "taskDefinition.containers[api].healthCheck.startPeriod");
        yield return Case(Desired, Live.WithContainer("api", c => c with { LogConfiguration = c.LogConfiguration! with { Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/other", ["awslogs-region"] = "eu-west-1" } } }),
            "a log option is drift at its key", "taskDefinition.containers[api].logConfiguration.options[awslogs-group]");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { Containers = [.. td.Containers, Container("sidecar", "envoy:1")] }),
            "a container only in the live task definition is drift", "taskDefinition.containers[sidecar]");
        yield return Case(Desired, Live with { DesiredCount = 3 }, "a different desiredCount is a Count change", "desiredCount");
        yield return Case(Desired, Live with { Settings = Live.Settings with { NetworkConfiguration = new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(["subnet-a", "subnet-c"], ["sg-1"], false)) } },
            "a replaced subnet is a Service change", "service.networkConfiguration.awsvpc.subnets");
        yield return Case(Desired, Live with { Deployment = Live.Deployment with { CircuitBreaker = new EcsCircuitBreaker(false, false) } },
            "a disabled circuit breaker is a Service change", "deployment.circuitBreaker.enable", "deployment.circuitBreaker.rollback");
        yield return Case(Desired, Live with { Tags = new Dictionary<string, string>(Live.Tags) { ["team"] = "search" } },
            "a changed manifest tag is a Tags change", "tags[team]");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { RuntimePlatform = null }),
            "a nested record the API omits is compared field by field against nothing",
            "taskDefinition.runtimePlatform.cpuArchitecture", "taskDefinition.runtimePlatform.operatingSystemFamily");
        yield return Case(Desired, Live.WithTaskDefinition(td => td with { RequiresCompatibilities = ["EC2"] }),
            "a different requiresCompatibilities set is drift", "taskDefinition.requiresCompatibilities");
        yield return Case(Desired, Live.WithContainer("api", c => c with { HealthCheck = null }),
            "a health check missing live is drift in each managed field", "taskDefinition.containers[api].healthCheck.command",
            "taskDefinition.containers[api].healthCheck.interval", "taskDefinition.containers[api].healthCheck.timeout",
            "taskDefinition.containers[api].healthCheck.retries", "taskDefinition.containers[api].healthCheck.startPeriod");
        var lb = Desired with { Spec = Desired.Spec with { Service = Desired.Spec.Service! with { LoadBalancers = [new EcsLoadBalancer("api", 8080, "arn:tg/api")] } } };
        yield return Case(lb, ObservedEcsBuilder.InSyncWith(lb) with { Settings = ObservedEcsBuilder.InSyncWith(lb).Settings with { LoadBalancers = [new EcsLoadBalancer("api", 8080, "arn:tg/old")] } },
            "a load balancer's target group is compared by container and port", "service.loadBalancers[api:8080].targetGroupArn");
        yield return Case(Desired, Live with { TaskDefinition = null }, "an undescribable live task definition needs a new one", "taskDefinition");
    }

    [TestCaseSource(nameof(NoDrift))]
    public void No_drift_is_reported(EcsServiceManifest desired, ObservedEcsService observed, string[] _)
    {
        var diff = EcsDiff.Diff(desired, observed);
        Assert.That(diff.Changes.Select(c => c.ToString()), Is.Empty);
        Assert.That(diff.InSync, Is.True);
    }

    [TestCaseSource(nameof(Drift))]
    public void Drift_is_reported_at_its_path(EcsServiceManifest desired, ObservedEcsService observed, string[] paths)
    {
        var diff = EcsDiff.Diff(desired, observed);
        Assert.That(diff.Changes.Select(c => c.Path), Is.EquivalentTo(paths));
        Assert.That(diff.Missing, Is.False);
    }

    private static TestCaseData Case(EcsServiceManifest desired, ObservedEcsService observed, string name, params string[] paths) =>
        new TestCaseData(desired, observed, paths).SetName(name);
}
