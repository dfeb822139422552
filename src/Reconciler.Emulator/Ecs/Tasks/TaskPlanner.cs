using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>
/// Creates a task and plans each container's life from its image behaviour and health check. The rule behind
/// seed 000: an app that needs N seconds to start survives only if N is inside startPeriod + interval × retries.
/// </summary>
internal sealed class TaskPlanner(ImageRules rules, IdGenerator ids, EcsArns arns)
{
    /// <summary>Simulated provisioning + image pull before a task reaches RUNNING.</summary>
    public const int ProvisioningSeconds = 10;

    public TaskRecord Plan(string cluster, string deploymentId, TaskDefinitionRecord taskDefinition, DateTimeOffset now)
    {
        var id = ids.TaskId();
        var containers = taskDefinition.Containers.Select(c => PlanContainer(c, cluster, id)).ToList();
        return new TaskRecord(id, arns.Task(cluster, id), deploymentId, taskDefinition, now, now.AddSeconds(ProvisioningSeconds))
        {
            Containers = containers,
        };
    }

    private ContainerRecord PlanContainer(JsonObject definition, string cluster, string taskId)
    {
        var image = definition.Str("image") ?? "";
        var check = HealthCheckSettings.From(definition.Obj("healthCheck"));
        var behaviour = rules.Resolve(image);
        var (healthyAfter, failAfter, kind) = Timeline(behaviour, check);
        return new ContainerRecord(ids.Guid(), definition.Str("name") ?? "", image, definition.Bool("essential") ?? true, check is not null)
        {
            HealthyAfter = healthyAfter,
            FailAfter = failAfter,
            FailureKind = kind,
        };
    }

    private static (int? HealthyAfter, int? FailAfter, FailureKind Kind) Timeline(ContainerBehaviour behaviour, HealthCheckSettings? check)
    {
        switch (behaviour.Kind)
        {
            case BehaviourKind.Crash:
                // Exits as it starts: the task never reaches RUNNING, which is what the circuit breaker counts.
                return (null, 0, FailureKind.EssentialContainerExited);
            case BehaviourKind.Unhealthy:
                // Without a container health check ECS has nothing to notice: the task runs on, UNKNOWN.
                return check is null ? (null, null, FailureKind.None) : (null, check.GiveUpSeconds, FailureKind.HealthCheckFailed);
            default:
                if (check is null)
                {
                    return (null, null, FailureKind.None);
                }
                // The app must answer before the checker gives up (strictly: at the boundary the last check has already failed).
                return behaviour.ReadySeconds < check.GiveUpSeconds
                    ? (check.FirstPassingCheck(behaviour.ReadySeconds), null, FailureKind.None)
                    : (null, check.GiveUpSeconds, FailureKind.HealthCheckFailed);
        }
    }
}
