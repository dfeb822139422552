using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Wire = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Mapping;

/// <summary>Turns resolved desired records into ECS requests. Only what the manifest sets is sent.</summary>
internal static class RequestMapper
{
    public static Wire.RegisterTaskDefinitionRequest Register(EcsTaskDefinitionSpec spec, IReadOnlyDictionary<string, string> tags) => new()
    {
        Family = spec.Family,
        ContainerDefinitions = spec.Containers.Select(Container).ToList(),
        Cpu = spec.Cpu,
        Memory = spec.Memory,
        NetworkMode = spec.NetworkMode,
        RequiresCompatibilities = spec.RequiresCompatibilities,
        RuntimePlatform = spec.RuntimePlatform is null ? null : new Wire.RuntimePlatform
        {
            CpuArchitecture = spec.RuntimePlatform.CpuArchitecture,
            OperatingSystemFamily = spec.RuntimePlatform.OperatingSystemFamily,
        },
        ExecutionRoleArn = spec.ExecutionRoleArn,
        TaskRoleArn = spec.TaskRoleArn,
        Tags = Tags(tags),
    };

    public static Wire.CreateServiceRequest Create(EcsServiceManifest m, string taskDefinitionArn, string clientToken, IReadOnlyDictionary<string, string> tags)
    {
        var s = m.Spec.Service;
        return new Wire.CreateServiceRequest
        {
            Cluster = m.Spec.Cluster,
            ServiceName = m.Metadata.Name,
            TaskDefinition = taskDefinitionArn,
            DesiredCount = m.Spec.DesiredCount ?? 1,
            ClientToken = clientToken,
            LaunchType = s?.LaunchType,
            CapacityProviderStrategy = CapacityProviders(s),
            PlatformVersion = s?.PlatformVersion,
            NetworkConfiguration = Network(s),
            LoadBalancers = LoadBalancers(s),
            HealthCheckGracePeriodSeconds = Seconds(s?.HealthCheckGracePeriod),
            EnableExecuteCommand = s?.EnableExecuteCommand,
            PropagateTags = s?.PropagateTags,
            DeploymentConfiguration = Deployment(m.Spec.Deployment),
            Tags = Tags(tags),
        };
    }

    public static Wire.UpdateServiceRequest Update(EcsServiceManifest m, string? taskDefinitionArn, int? desiredCount, bool settings)
    {
        var s = settings ? m.Spec.Service : null;
        return new Wire.UpdateServiceRequest
        {
            Cluster = m.Spec.Cluster,
            Service = m.Metadata.Name,
            TaskDefinition = taskDefinitionArn,
            DesiredCount = desiredCount,
            CapacityProviderStrategy = CapacityProviders(s),
            PlatformVersion = s?.PlatformVersion,
            NetworkConfiguration = Network(s),
            LoadBalancers = LoadBalancers(s),
            HealthCheckGracePeriodSeconds = Seconds(s?.HealthCheckGracePeriod),
            EnableExecuteCommand = s?.EnableExecuteCommand,
            PropagateTags = s?.PropagateTags,
            DeploymentConfiguration = settings ? Deployment(m.Spec.Deployment) : null,
        };
    }

    public static IReadOnlyList<Wire.Tag> Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Wire.Tag(t.Key, t.Value)).ToList();

    private static Wire.ContainerDefinition Container(EcsContainerSpec c) => new()
    {
        Name = c.Name,
        Image = c.Image.Resolved,
        Essential = c.Essential,
        Command = c.Command,
        EntryPoint = c.EntryPoint,
        PortMappings = c.PortMappings?.Select(p => new Wire.PortMapping
        {
            ContainerPort = p.ContainerPort, HostPort = p.HostPort, Protocol = p.Protocol, Name = p.Name, AppProtocol = p.AppProtocol,
        }).ToList(),
        Environment = c.Environment?.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new Wire.NameValuePair(e.Key, e.Value.Resolved)).ToList(),
        Secrets = c.Secrets?.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new Wire.Secret(e.Key, e.Value.Reference)).ToList(),
        HealthCheck = c.HealthCheck is null ? null : new Wire.HealthCheck
        {
            Command = c.HealthCheck.Command,
            Interval = Seconds(c.HealthCheck.Interval),
            Timeout = Seconds(c.HealthCheck.Timeout),
            Retries = c.HealthCheck.Retries,
            StartPeriod = Seconds(c.HealthCheck.StartPeriod),
        },
        LogConfiguration = c.LogConfiguration is null ? null : new Wire.LogConfiguration
        {
            LogDriver = c.LogConfiguration.LogDriver,
            Options = c.LogConfiguration.Options,
        },
        Cpu = c.Cpu,
        Memory = c.Memory,
        MemoryReservation = c.MemoryReservation,
    };

    private static IReadOnlyList<Wire.CapacityProviderStrategyItem>? CapacityProviders(EcsServiceSettings? s) =>
        s?.CapacityProviderStrategy?.Select(c => new Wire.CapacityProviderStrategyItem { CapacityProvider = c.CapacityProvider, Weight = c.Weight, Base = c.Base }).ToList();

    private static Wire.NetworkConfiguration? Network(EcsServiceSettings? s) =>
        s?.NetworkConfiguration?.Awsvpc is { } vpc
            ? new Wire.NetworkConfiguration(new Wire.AwsVpcConfiguration
            {
                Subnets = vpc.Subnets,
                SecurityGroups = vpc.SecurityGroups,
                AssignPublicIp = vpc.AssignPublicIp is null ? null : vpc.AssignPublicIp.Value ? "ENABLED" : "DISABLED",
            })
            : null;

    private static IReadOnlyList<Wire.LoadBalancer>? LoadBalancers(EcsServiceSettings? s) =>
        s?.LoadBalancers?.Select(l => new Wire.LoadBalancer
        {
            ContainerName = l.ContainerName, ContainerPort = l.ContainerPort, TargetGroupArn = l.TargetGroupArn, LoadBalancerName = l.LoadBalancerName,
        }).ToList();

    private static Wire.DeploymentConfiguration? Deployment(EcsDeploymentSpec? d) =>
        d is null || (d.MinimumHealthyPercent is null && d.MaximumPercent is null && d.CircuitBreaker is null && d.Alarms is null)
            ? null
            : new Wire.DeploymentConfiguration
            {
                MinimumHealthyPercent = d.MinimumHealthyPercent,
                MaximumPercent = d.MaximumPercent,
                DeploymentCircuitBreaker = d.CircuitBreaker is null ? null : new Wire.DeploymentCircuitBreaker(d.CircuitBreaker.Enable, d.CircuitBreaker.Rollback),
                Alarms = d.Alarms is null ? null : new Wire.DeploymentAlarms { AlarmNames = d.Alarms.Names, Enable = d.Alarms.Enable, Rollback = d.Alarms.Rollback },
            };

    private static int? Seconds(TimeSpan? t) => t is null ? null : (int)Math.Round(t.Value.TotalSeconds);
}
