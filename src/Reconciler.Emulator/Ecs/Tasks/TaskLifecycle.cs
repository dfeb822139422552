namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>Moves a task through PENDING → RUNNING → (HEALTHY) → STOPPED as its planned times pass.</summary>
internal static class TaskLifecycle
{
    public const string HealthCheckReason = "Task failed container health checks";
    public const string ExitedReason = "Essential container in task exited";

    /// <summary>Applies every change due at <paramref name="at"/>; returns true when the task failed just now.</summary>
    public static bool Apply(TaskRecord task, DateTimeOffset at)
    {
        if (task.State == TaskState.Pending && task.StartAt <= at)
        {
            task.StartedAt = task.StartAt;
            if (task.FailAt is { } exitAt && exitAt <= task.StartAt)
            {
                Fail(task, exitAt);
                return true;
            }
            task.State = TaskState.Running;
            foreach (var container in task.Containers)
            {
                container.LastStatus = "RUNNING";
            }
        }
        if (task.State != TaskState.Running)
        {
            return false;
        }
        foreach (var container in task.Containers.Where(c => c.HasHealthCheck && c.HealthyAfter is { } h && task.StartAt.AddSeconds(h) <= at))
        {
            container.Health = ContainerHealth.Healthy;
        }
        if (task.FailAt is { } failAt && failAt <= at)
        {
            Fail(task, failAt);
            return true;
        }
        return false;
    }

    /// <summary>Stops a task on the scheduler's initiative (scale-in, replaced by a newer deployment, service deleted).</summary>
    public static void Stop(TaskRecord task, DateTimeOffset at, string reason)
    {
        if (task.State == TaskState.Stopped)
        {
            return;
        }
        task.StartedAt ??= task.State == TaskState.Running ? task.StartAt : null;
        MarkStopped(task, at, reason, "ServiceSchedulerInitiated");
        foreach (var container in task.Containers)
        {
            container.ExitCode ??= task.StartedAt is null ? null : 143;
        }
    }

    private static void Fail(TaskRecord task, DateTimeOffset at)
    {
        var culprit = task.Containers.Where(c => c.Essential && c.FailAfter is not null).MinBy(c => c.FailAfter)!;
        task.Failed = true;
        if (culprit.FailureKind == FailureKind.EssentialContainerExited)
        {
            culprit.ExitCode = 1;
            MarkStopped(task, at, ExitedReason, "EssentialContainerExited");
        }
        else
        {
            culprit.Health = ContainerHealth.Unhealthy;
            culprit.ExitCode = 137;
            MarkStopped(task, at, HealthCheckReason, "ServiceSchedulerInitiated");
        }
        foreach (var container in task.Containers.Where(c => c != culprit))
        {
            container.ExitCode ??= 143;
        }
    }

    private static void MarkStopped(TaskRecord task, DateTimeOffset at, string reason, string stopCode)
    {
        task.State = TaskState.Stopped;
        task.StoppedAt = at;
        task.StoppedReason = reason;
        task.StopCode = stopCode;
        foreach (var container in task.Containers)
        {
            container.LastStatus = "STOPPED";
        }
    }
}
