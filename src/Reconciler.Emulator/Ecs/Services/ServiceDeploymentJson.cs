using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tasks;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Renders deployments as ServiceDeploymentBrief and ServiceDeployment.</summary>
internal static class ServiceDeploymentJson
{
    public static JsonObject Brief(ServiceRecord service, DeploymentRecord deployment, EcsArns arns)
    {
        var (status, reason) = ServiceDeploymentStatus.Of(deployment);
        var json = new JsonObject
        {
            ["serviceDeploymentArn"] = arns.ServiceDeployment(service.ClusterName, service.Name, deployment.Id),
            ["serviceArn"] = service.Arn,
            ["clusterArn"] = arns.Cluster(service.ClusterName),
            ["startedAt"] = JsonArgs.Epoch(deployment.CreatedAt),
            ["createdAt"] = JsonArgs.Epoch(deployment.CreatedAt),
            ["targetServiceRevisionArn"] = arns.ServiceRevision(service.ClusterName, service.Name, deployment.Id),
            ["status"] = status,
        };
        if (deployment.FinishedAt is { } finished)
        {
            json["finishedAt"] = JsonArgs.Epoch(finished);
        }
        if (reason is not null)
        {
            json["statusReason"] = reason;
        }
        return json;
    }

    public static JsonObject Full(ServiceRecord service, DeploymentRecord deployment, EcsArns arns)
    {
        var json = Brief(service, deployment, arns);
        json.Remove("targetServiceRevisionArn");
        json["updatedAt"] = JsonArgs.Epoch(deployment.UpdatedAt);
        json["targetServiceRevision"] = Revision(service, deployment, arns, deployment.Status == "PRIMARY" ? service.DesiredCount : null);
        json["sourceServiceRevisions"] = service.History.Where(d => deployment.SourceDeploymentIds.Contains(d.Id))
            .Select(d => (JsonNode)Revision(service, d, arns, null)).ToJsonArray();
        json["deploymentConfiguration"] = service.DeploymentConfiguration.DeepClone();
        json["deploymentCircuitBreaker"] = Breaker(service, deployment);
        if (deployment.SupersededAt is { } stopped)
        {
            json["stoppedAt"] = JsonArgs.Epoch(stopped);
        }
        if (deployment.RolledBackBy is { } rollback)
        {
            json["rollback"] = new JsonObject
            {
                ["reason"] = deployment.RolloutStateReason,
                ["startedAt"] = JsonArgs.Epoch(rollback.CreatedAt),
                ["serviceRevisionArn"] = arns.ServiceRevision(service.ClusterName, service.Name, rollback.Id),
            };
        }
        return json;
    }

    private static JsonObject Revision(ServiceRecord service, DeploymentRecord deployment, EcsArns arns, int? requested)
    {
        var live = service.LiveTasksOf(deployment).ToList();
        return new JsonObject
        {
            ["arn"] = arns.ServiceRevision(service.ClusterName, service.Name, deployment.Id),
            ["requestedTaskCount"] = requested ?? live.Count,
            ["runningTaskCount"] = live.Count(t => t.State == TaskState.Running),
            ["pendingTaskCount"] = live.Count(t => t.State == TaskState.Pending),
        };
    }

    private static JsonObject Breaker(ServiceRecord service, DeploymentRecord deployment) => new()
    {
        ["status"] = !deployment.CircuitBreakerEnabled ? "DISABLED" : deployment.RolloutState == "FAILED" ? "TRIGGERED"
            : deployment.Finished ? "MONITORING_COMPLETE" : "MONITORING",
        ["failureCount"] = deployment.FailedTasks,
        ["threshold"] = CircuitBreaker.Threshold(service.DesiredCount),
    };
}
