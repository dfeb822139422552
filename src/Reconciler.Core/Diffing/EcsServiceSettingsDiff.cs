using Reconciler.Core.Ecs;

namespace Reconciler.Core.Diffing;

/// <summary>Service settings and deployment configuration: changed in place by UpdateService, no new revision.</summary>
internal static class EcsServiceSettingsDiff
{
    private const ChangeScope Scope = ChangeScope.Service;

    public static void Compare(ChangeList changes, EcsServiceSettings? desired, EcsServiceSettings observed)
    {
        if (desired is null)
        {
            return;
        }
        changes.Scalar("service.launchType", desired.LaunchType, observed.LaunchType, Scope);
        changes.Scalar("service.platformVersion", desired.PlatformVersion, observed.PlatformVersion, Scope);
        changes.Scalar("service.propagateTags", desired.PropagateTags, observed.PropagateTags, Scope);
        changes.Scalar("service.enableExecuteCommand", desired.EnableExecuteCommand, observed.EnableExecuteCommand, Scope);
        changes.Seconds("service.healthCheckGracePeriod", desired.HealthCheckGracePeriod, observed.HealthCheckGracePeriod, Scope);
        Keyed.Compare(changes, "service.capacityProviderStrategy", desired.CapacityProviderStrategy, observed.CapacityProviderStrategy,
            i => i.CapacityProvider, i => i.CapacityProvider, Scope, (path, d, o) =>
            {
                changes.Scalar($"{path}.weight", d.Weight, o.Weight, Scope);
                changes.Scalar($"{path}.base", d.Base, o.Base, Scope);
            });
        Keyed.Compare(changes, "service.loadBalancers", desired.LoadBalancers, observed.LoadBalancers,
            lb => $"{lb.ContainerName}:{lb.ContainerPort}", lb => lb.TargetGroupArn ?? lb.LoadBalancerName ?? "", Scope, (path, d, o) =>
            {
                changes.Scalar($"{path}.targetGroupArn", d.TargetGroupArn, o.TargetGroupArn, Scope);
                changes.Scalar($"{path}.loadBalancerName", d.LoadBalancerName, o.LoadBalancerName, Scope);
            });
        if (desired.NetworkConfiguration?.Awsvpc is { } vpc)
        {
            var live = observed.NetworkConfiguration?.Awsvpc;
            changes.Set("service.networkConfiguration.awsvpc.subnets", vpc.Subnets, live?.Subnets, Scope);
            changes.Set("service.networkConfiguration.awsvpc.securityGroups", vpc.SecurityGroups, live?.SecurityGroups, Scope);
            changes.Scalar("service.networkConfiguration.awsvpc.assignPublicIp", vpc.AssignPublicIp, live?.AssignPublicIp, Scope);
        }
    }

    /// <summary>Deployment configuration. ProgressDeadline is Reconciler's own gate, not an ECS setting: never compared.</summary>
    public static void Compare(ChangeList changes, EcsDeploymentSpec? desired, EcsDeploymentSpec observed)
    {
        if (desired is null)
        {
            return;
        }
        changes.Scalar("deployment.minimumHealthyPercent", desired.MinimumHealthyPercent, observed.MinimumHealthyPercent, Scope);
        changes.Scalar("deployment.maximumPercent", desired.MaximumPercent, observed.MaximumPercent, Scope);
        if (desired.CircuitBreaker is { } breaker)
        {
            // The API omits the breaker when it was never enabled; that reads as "off".
            var live = observed.CircuitBreaker ?? new EcsCircuitBreaker(false, false);
            changes.Scalar("deployment.circuitBreaker.enable", breaker.Enable, live.Enable, Scope);
            changes.Scalar("deployment.circuitBreaker.rollback", breaker.Rollback, live.Rollback, Scope);
        }
        if (desired.Alarms is { } alarms)
        {
            var live = observed.Alarms ?? new EcsDeploymentAlarms([], Enable: false, Rollback: false);
            changes.Set("deployment.alarms.names", alarms.Names, live.Names, Scope);
            changes.Scalar("deployment.alarms.enable", alarms.Enable, live.Enable, Scope);
            changes.Scalar("deployment.alarms.rollback", alarms.Rollback, live.Rollback, Scope);
        }
    }
}
