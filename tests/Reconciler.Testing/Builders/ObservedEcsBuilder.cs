using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;

namespace Reconciler.Testing.Builders;

/// <summary>
/// Live ECS state as DescribeServices would report it after a manifest was applied: the same values, plus
/// every default the API fills in (essential, hostPort, protocol, platformVersion, propagateTags, our tags...)
/// and lists in another order. A correct Diff sees no drift in <see cref="InSyncWith"/>.
/// </summary>
public static class ObservedEcsBuilder
{
    public const string ServiceArn = "arn:aws:ecs:eu-west-1:123456789012:service/prod/api";

    public static string TaskDefinitionArn(int revision, string family = "api") =>
        $"arn:aws:ecs:eu-west-1:123456789012:task-definition/{family}:{revision}";

    /// <param name="fingerprintTag">Tag the task definition with its fingerprint (as Reconciler registers it) or not (registered by hand).</param>
    public static ObservedEcsService InSyncWith(EcsServiceManifest manifest, int revision = 1, bool fingerprintTag = false)
    {
        var spec = manifest.Spec;
        var arn = TaskDefinitionArn(revision, spec.TaskDefinition.Family);
        var count = spec.DesiredCount ?? 1;
        var tdTags = fingerprintTag
            ? new Dictionary<string, string> { [TagKeys.Fingerprint] = SpecFingerprint.Of(spec.TaskDefinition) }
            : new Dictionary<string, string>();
        var serviceTags = new Dictionary<string, string>(spec.Tags ?? new Dictionary<string, string>())
        {
            [TagKeys.ManagedBy] = TagKeys.ManagedByValue,
            ["aws:cloudformation:stack-name"] = "legacy",
        };
        return new ObservedEcsService(
            manifest.Metadata.Name, ServiceArn, EcsStatuses.Active, count, count, 0, arn,
            new ObservedTaskDefinition(arn, revision, EcsStatuses.Active, WithApiDefaults(spec.TaskDefinition), tdTags),
            WithApiDefaults(spec.Service ?? new EcsServiceSettings()),
            WithApiDefaults(spec.Deployment ?? new EcsDeploymentSpec()),
            serviceTags,
            [Deployment("ecs-svc/1", EcsStatuses.Primary, arn, count, count, EcsStatuses.Completed)],
            [],
            []);
    }

    /// <summary>The observed task definition spec changed (as if registered out of band).</summary>
    public static ObservedEcsService WithTaskDefinition(this ObservedEcsService o, Func<EcsTaskDefinitionSpec, EcsTaskDefinitionSpec> change) =>
        o with { TaskDefinition = o.TaskDefinition! with { Spec = change(o.TaskDefinition.Spec) } };

    /// <summary>One observed container changed, found by name.</summary>
    public static ObservedEcsService WithContainer(this ObservedEcsService o, string name, Func<EcsContainerSpec, EcsContainerSpec> change) =>
        o.WithTaskDefinition(td => td with { Containers = td.Containers.Select(c => c.Name == name ? change(c) : c).ToArray() });

    public static ObservedDeployment Deployment(string id, string status, string taskDefinitionArn, int desired, int running,
        string? rolloutState, string? reason = null, DateTimeOffset? createdAt = null, int failedTasks = 0) =>
        new(id, status, taskDefinitionArn, desired, running, 0, failedTasks, rolloutState, reason, createdAt, createdAt);

    public static StoppedTask Stopped(string taskDefinitionArn, string reason, DateTimeOffset? at = null, int n = 0) =>
        new($"arn:aws:ecs:eu-west-1:123456789012:task/prod/{n:x8}", taskDefinitionArn, reason, at);

    public static EcsTaskDefinitionSpec WithApiDefaults(EcsTaskDefinitionSpec td) => td with
    {
        RequiresCompatibilities = td.RequiresCompatibilities?.Reverse().ToArray(),
        Containers = td.Containers.Reverse().Select(WithApiDefaults).ToArray(),
    };

    private static EcsContainerSpec WithApiDefaults(EcsContainerSpec c) => c with
    {
        Essential = c.Essential ?? true,
        Cpu = c.Cpu ?? 0,
        PortMappings = c.PortMappings?.Reverse()
            .Select(m => m with { HostPort = m.HostPort ?? m.ContainerPort, Protocol = m.Protocol ?? "tcp" }).ToArray(),
        Environment = c.Environment?.Reverse().ToDictionary(),
        HealthCheck = c.HealthCheck is { } h ? h with { Retries = h.Retries ?? 3, Interval = h.Interval ?? TimeSpan.FromSeconds(30) } : null,
    };

    private static EcsServiceSettings WithApiDefaults(EcsServiceSettings s) => s with
    {
        LaunchType = s.LaunchType ?? "FARGATE",
        PlatformVersion = s.PlatformVersion ?? "LATEST",
        PropagateTags = s.PropagateTags ?? "NONE",
        EnableExecuteCommand = s.EnableExecuteCommand ?? false,
        HealthCheckGracePeriod = s.HealthCheckGracePeriod ?? TimeSpan.Zero,
        NetworkConfiguration = s.NetworkConfiguration?.Awsvpc is { } vpc
            ? new EcsNetworkConfiguration(vpc with { Subnets = vpc.Subnets.Reverse().ToArray(), SecurityGroups = vpc.SecurityGroups ?? ["sg-default"] })
            : s.NetworkConfiguration,
    };

    private static EcsDeploymentSpec WithApiDefaults(EcsDeploymentSpec d) => d with
    {
        MinimumHealthyPercent = d.MinimumHealthyPercent ?? 100,
        MaximumPercent = d.MaximumPercent ?? 200,
        CircuitBreaker = d.CircuitBreaker ?? new EcsCircuitBreaker(false, false),
    };
}
