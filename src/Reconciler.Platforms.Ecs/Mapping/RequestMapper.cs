using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Mapping;

/// <summary>Turns resolved desired records into ECS requests. Only what the manifest sets is sent.</summary>
internal static class RequestMapper
{
    public static Api.RegisterTaskDefinitionRequest Register(EcsTaskDefinitionSpec spec, IReadOnlyDictionary<string, string> tags) => new()
    {
        Family = spec.Family,
        ContainerDefinitions = spec.Containers.Select(Container).ToList(),
        Cpu = spec.Cpu,
        Memory = spec.Memory,
        NetworkMode = spec.NetworkMode,
        RequiresCompatibilities = spec.RequiresCompatibilities,
        RuntimePlatform = spec.RuntimePlatform is null ? null : new Api.RuntimePlatform
        {
            CpuArchitecture = spec.RuntimePlatform.CpuArchitecture,
            OperatingSystemFamily = spec.RuntimePlatform.OperatingSystemFamily,
        },
        ExecutionRoleArn = spec.ExecutionRoleArn,
        TaskRoleArn = spec.TaskRoleArn,
        Tags = Tags(tags),
    };

    public static Api.CreateServiceRequest Create(string name, EcsServiceSpec spec, string taskDefinitionArn, string clientToken, IReadOnlyDictionary<string, string> tags)
    {
        var s = spec.Service;
        return new Api.CreateServiceRequest
        {
            Cluster = spec.Cluster,
            ServiceName = name,
            TaskDefinition = taskDefinitionArn,
            DesiredCount = spec.DesiredCount ?? 1,
            ClientToken = clientToken,
            LaunchType = s?.LaunchType,
            CapacityProviderStrategy = CapacityProviders(s),
            PlatformVersion = s?.PlatformVersion,
            NetworkConfiguration = Network(s),
            LoadBalancers = LoadBalancers(s),
            HealthCheckGracePeriodSeconds = Seconds(s?.HealthCheckGracePeriod),
            EnableExecuteCommand = s?.EnableExecuteCommand,
            PropagateTags = s?.PropagateTags,
            DeploymentConfiguration = Deployment(spec.Deployment),
            Tags = Tags(tags),
        };
    }

    public static Api.UpdateServiceRequest Update(string name, EcsServiceSpec spec, string? taskDefinitionArn, int? desiredCount, bool settings)
    {
        var s = settings ? spec.Service : null;
        return new Api.UpdateServiceRequest
        {
            Cluster = spec.Cluster,
            Service = name,
            TaskDefinition = taskDefinitionArn,
            DesiredCount = desiredCount,
            CapacityProviderStrategy = CapacityProviders(s),
            PlatformVersion = s?.PlatformVersion,
            NetworkConfiguration = Network(s),
            LoadBalancers = LoadBalancers(s),
            HealthCheckGracePeriodSeconds = Seconds(s?.HealthCheckGracePeriod),
            EnableExecuteCommand = s?.EnableExecuteCommand,
            PropagateTags = s?.PropagateTags,
            DeploymentConfiguration = settings ? Deployment(spec.Deployment) : null,
        };
    }

    public static IReadOnlyList<Api.Tag> Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Api.Tag(t.Key, t.Value)).ToList();

    private static Api.ContainerDefinition Container(EcsContainerSpec c) => new()
    {
        Name = c.Name,
        Image = c.Image.Resolved,
        Essential = c.Essential,
        Command = c.Command,
        EntryPoint = c.EntryPoint,
        PortMappings = c.PortMappings?.Select(p => new Api.PortMapping
        {
            ContainerPort = p.ContainerPort, HostPort = p.HostPort, Protocol = p.Protocol, Name = p.Name, AppProtocol = p.AppProtocol,
        }).ToList(),
        Environment = c.Environment?.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new Api.NameValuePair(e.Key, e.Value.Resolved)).ToList(),
        Secrets = c.Secrets?.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new Api.Secret(e.Key, e.Value.Reference)).ToList(),
        HealthCheck = c.HealthCheck is null ? null : new Api.HealthCheck
        {
            Command = c.HealthCheck.Command,
            Interval = Seconds(c.HealthCheck.Interval),
            Timeout = Seconds(c.HealthCheck.Timeout),
            Retries = c.HealthCheck.Retries,
            StartPeriod = Seconds(c.HealthCheck.StartPeriod),
        },
        LogConfiguration = c.LogConfiguration is null ? null : new Api.LogConfiguration
        {
            LogDriver = c.LogConfiguration.LogDriver,
            Options = c.LogConfiguration.Options,
        },
        Cpu = c.Cpu,
        Memory = c.Memory,
        MemoryReservation = c.MemoryReservation,
    };

    private static IReadOnlyList<Api.CapacityProviderStrategyItem>? CapacityProviders(EcsServiceSettings? s) =>
        s?.CapacityProviderStrategy?.Select(c => new Api.CapacityProviderStrategyItem { CapacityProvider = c.CapacityProvider, Weight = c.Weight, Base = c.Base }).ToList();

    private static Api.NetworkConfiguration? Network(EcsServiceSettings? s) =>
        s?.NetworkConfiguration?.Awsvpc is { } vpc
            ? new Api.NetworkConfiguration(new Api.AwsVpcConfiguration
            {
                Subnets = vpc.Subnets,
                SecurityGroups = vpc.SecurityGroups,
                AssignPublicIp = vpc.AssignPublicIp is null ? null : vpc.AssignPublicIp.Value ? "ENABLED" : "DISABLED",
            })
            : null;

    private static IReadOnlyList<Api.LoadBalancer>? LoadBalancers(EcsServiceSettings? s) =>
        s?.LoadBalancers?.Select(l => new Api.LoadBalancer
        {
            ContainerName = l.ContainerName, ContainerPort = l.ContainerPort, TargetGroupArn = l.TargetGroupArn, LoadBalancerName = l.LoadBalancerName,
        }).ToList();

    private static Api.DeploymentConfiguration? Deployment(EcsDeploymentSpec? d) =>
        d is null || (d.MinimumHealthyPercent is null && d.MaximumPercent is null && d.CircuitBreaker is null && d.Alarms is null)
            ? null
            : new Api.DeploymentConfiguration
            {
                MinimumHealthyPercent = d.MinimumHealthyPercent,
                MaximumPercent = d.MaximumPercent,
                DeploymentCircuitBreaker = d.CircuitBreaker is null ? null : new Api.DeploymentCircuitBreaker(d.CircuitBreaker.Enable, d.CircuitBreaker.Rollback),
                Alarms = d.Alarms is null ? null : new Api.DeploymentAlarms { AlarmNames = d.Alarms.Names, Enable = d.Alarms.Enable, Rollback = d.Alarms.Rollback },
            };

    private static int? Seconds(TimeSpan? t) => t is null ? null : (int)Math.Round(t.Value.TotalSeconds);
}
