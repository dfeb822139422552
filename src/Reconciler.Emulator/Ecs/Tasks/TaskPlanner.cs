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
internal sealed class TaskPlanner(ImageRules rules, IdGenerator ids, EcsArns arns, Func<string, bool> parameterExists)
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
        var missing = MissingParameters(definition);
        return new ContainerRecord(ids.Guid(), definition.Str("name") ?? "", image, definition.Bool("essential") ?? true, check is not null)
        {
            HealthyAfter = healthyAfter,
            FailAfter = missing.Count > 0 ? 0 : failAfter,
            FailureKind = missing.Count > 0 ? FailureKind.SecretsUnavailable : kind,
            Reason = missing.Count > 0 ? string.Join(", ", missing) : null,
        };
    }

    /// <summary>SSM parameters named by <c>secrets[].valueFrom</c> that do not exist (Secrets Manager is not emulated).</summary>
    private List<string> MissingParameters(JsonObject definition) =>
        (definition.Arr("secrets")?.OfType<JsonObject>() ?? [])
            .Select(s => s.Str("valueFrom") ?? "")
            .Where(v => v.Length > 0 && !v.StartsWith("arn:aws:secretsmanager:", StringComparison.Ordinal))
            .Select(ParameterName)
            .Where(name => !parameterExists(name))
            .ToList();

    /// <summary>arn:aws:ssm:region:account:parameter/a/b names "/a/b"; a plain name is used as given.</summary>
    private static string ParameterName(string valueFrom)
    {
        var marker = valueFrom.IndexOf(":parameter/", StringComparison.Ordinal);
        if (!valueFrom.StartsWith("arn:", StringComparison.Ordinal) || marker < 0)
        {
            return valueFrom;
        }
        var path = valueFrom[(marker + ":parameter/".Length)..];
        return path.Contains('/') ? "/" + path : path;
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
