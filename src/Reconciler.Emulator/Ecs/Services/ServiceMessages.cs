using Reconciler.Emulator.Ecs.Tasks;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Service event messages worded like the ones ECS writes, so log-scraping code can be tested.</summary>
internal static class ServiceMessages
{
    public static string Started(string service, IEnumerable<TaskRecord> tasks) =>
        $"(service {service}) has started {tasks.Count()} tasks: {TaskList(tasks)}.";

    public static string Stopped(string service, IEnumerable<TaskRecord> tasks) =>
        $"(service {service}) has stopped {tasks.Count()} running tasks: {TaskList(tasks)}.";

    public static string TaskFailed(string service, TaskRecord task) => task.StopCode switch
    {
        "EssentialContainerExited" => $"(service {service}) (task {task.Id}) essential container in task exited.",
        "TaskFailedToStart" => $"(service {service}) (task {task.Id}) failed to start: {task.StoppedReason}",
        _ => $"(service {service}) (task {task.Id}) failed container health checks.",
    };

    public static string SteadyState(string service) => $"(service {service}) has reached a steady state.";

    public static string DeploymentCompleted(string service, string deploymentId) => $"(service {service}) (deployment {deploymentId}) deployment completed.";

    public static string DeploymentFailed(string service, string deploymentId) =>
        $"(service {service}) (deployment {deploymentId}) deployment failed: tasks failed to start.";

    public static string RollingBack(string service, string deploymentId) => $"(service {service}) rolling back to deployment {deploymentId}.";

    private static string TaskList(IEnumerable<TaskRecord> tasks) => string.Join(" ", tasks.Select(t => $"(task {t.Id})"));
}
