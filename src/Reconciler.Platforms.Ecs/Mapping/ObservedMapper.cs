using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Mapping;

/// <summary>Normalizes what ECS returns into the core's model, so Diff compares like with like.</summary>
internal static class ObservedMapper
{
    public static ObservedTaskDefinition TaskDefinition(Api.TaskDefinition td, IReadOnlyList<Api.Tag>? tags) => new(
        td.TaskDefinitionArn ?? "",
        td.Revision,
        td.Status ?? "ACTIVE",
        new EcsTaskDefinitionSpec(
            td.Family ?? "",
            (td.ContainerDefinitions ?? []).Select(Container).ToList(),
            td.Cpu,
            td.Memory,
            td.NetworkMode,
            td.RequiresCompatibilities,
            td.RuntimePlatform is null ? null : new EcsRuntimePlatform(td.RuntimePlatform.CpuArchitecture, td.RuntimePlatform.OperatingSystemFamily),
            td.ExecutionRoleArn,
            td.TaskRoleArn),
        Tags(tags));

    public static ObservedEcsService Service(Api.Service s, ObservedTaskDefinition? taskDefinition, IReadOnlyList<StoppedTask> stopped) => new(
        s.ServiceName ?? "",
        s.ServiceArn ?? "",
        s.Status ?? "",
        s.DesiredCount,
        s.RunningCount,
        s.PendingCount,
        s.TaskDefinition ?? "",
        taskDefinition,
        Settings(s),
        Deployment(s.DeploymentConfiguration),
        Tags(s.Tags),
        (s.Deployments ?? []).Select(Deployment).ToList(),
        (s.Events ?? []).Select(e => new ServiceEvent(e.Id ?? "", e.CreatedAt ?? DateTimeOffset.MinValue, e.Message ?? "")).ToList(),
        stopped);

    public static StoppedTask Stopped(Api.EcsTask t) => new(t.TaskArn ?? "", t.TaskDefinitionArn ?? "", t.StoppedReason, t.StoppedAt);

    public static IReadOnlyDictionary<string, string> Tags(IReadOnlyList<Api.Tag>? tags) =>
        (tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static EcsContainerSpec Container(Api.ContainerDefinition c) => new(
        c.Name ?? "",
        Value.Of(c.Image ?? ""),
        c.Essential,
        c.Command,
        c.EntryPoint,
        c.PortMappings?.Select(p => new EcsPortMapping(p.ContainerPort ?? 0, p.HostPort, p.Protocol, p.Name, p.AppProtocol)).ToList(),
        c.Environment?.Where(e => e.Name is not null).GroupBy(e => e.Name!).ToDictionary(g => g.Key, g => (Value)Value.Of(g.Last().Value ?? "")),
        c.Secrets?.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => (SecretRef)new SecretRef.ValueFrom(g.Last().ValueFrom)),
        c.HealthCheck is null ? null : new EcsHealthCheck(
            c.HealthCheck.Command,
            Seconds(c.HealthCheck.Interval),
            Seconds(c.HealthCheck.Timeout),
            c.HealthCheck.Retries,
            Seconds(c.HealthCheck.StartPeriod)),
        c.LogConfiguration is null ? null : new EcsLogConfiguration(c.LogConfiguration.LogDriver, c.LogConfiguration.Options),
        c.Cpu,
        c.Memory,
        c.MemoryReservation);

    private static EcsServiceSettings Settings(Api.Service s) => new(
        s.LaunchType,
        s.CapacityProviderStrategy?.Select(c => new EcsCapacityProviderStrategyItem(c.CapacityProvider, c.Weight, c.Base)).ToList(),
        s.NetworkConfiguration?.AwsvpcConfiguration is { } vpc
            ? new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(vpc.Subnets, vpc.SecurityGroups, vpc.AssignPublicIp is null ? null : vpc.AssignPublicIp == "ENABLED"))
            : null,
        s.LoadBalancers?.Select(l => new EcsLoadBalancer(l.ContainerName ?? "", l.ContainerPort ?? 0, l.TargetGroupArn, l.LoadBalancerName)).ToList(),
        Seconds(s.HealthCheckGracePeriodSeconds),
        s.EnableExecuteCommand,
        s.PropagateTags,
        s.PlatformVersion);

    private static EcsDeploymentSpec Deployment(Api.DeploymentConfiguration? d) => new(
        d?.MinimumHealthyPercent,
        d?.MaximumPercent,
        d?.DeploymentCircuitBreaker is { } cb ? new EcsCircuitBreaker(cb.Enable, cb.Rollback) : null,
        null,
        d?.Alarms is { } a ? new EcsDeploymentAlarms(a.AlarmNames, a.Enable, a.Rollback) : null);

    private static ObservedDeployment Deployment(Api.Deployment d) => new(
        d.Id ?? "", d.Status ?? "", d.TaskDefinition ?? "", d.DesiredCount, d.RunningCount, d.PendingCount, d.FailedTasks,
        d.RolloutState, d.RolloutStateReason, d.CreatedAt, d.UpdatedAt);

    private static TimeSpan? Seconds(int? seconds) => seconds is null ? null : TimeSpan.FromSeconds(seconds.Value);
}
