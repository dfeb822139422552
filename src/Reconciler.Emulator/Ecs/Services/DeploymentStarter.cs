using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Starts a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE and drains as the new one becomes healthy.</summary>
internal sealed class DeploymentStarter(IdGenerator ids)
{
    public DeploymentRecord Start(ServiceRecord service, string taskDefinitionArn, DateTimeOffset now, string? reason = null)
    {
        foreach (var old in service.Deployments.Where(d => d.Status == "PRIMARY"))
        {
            old.Status = "ACTIVE";
            old.UpdatedAt = now;
            old.SupersededAt ??= old.Finished ? null : now;
        }
        var breaker = service.DeploymentConfiguration.Obj("deploymentCircuitBreaker");
        var deployment = new DeploymentRecord(ids.DeploymentId(), taskDefinitionArn, now)
        {
            NetworkConfiguration = service.NetworkConfiguration?.DeepClone() as JsonObject,
            CircuitBreakerEnabled = breaker?.Bool("enable") ?? false,
            CircuitBreakerRollback = breaker?.Bool("rollback") ?? false,
            SourceDeploymentIds = service.Deployments.Select(d => d.Id).ToList(),
        };
        if (reason is not null)
        {
            deployment.RolloutStateReason = reason;
        }
        service.Deployments.Add(deployment);
        service.RecordHistory(deployment);
        service.TaskDefinitionArn = taskDefinitionArn;
        return deployment;
    }
}
