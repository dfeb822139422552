namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>Moves a task through PENDING → RUNNING → (HEALTHY) → STOPPED as its planned times pass.</summary>
internal static class TaskLifecycle
{
    public const string HealthCheckReason = "Task failed container health checks";
    public const string ExitedReason = "Essential container in task exited";
    public const string SecretsReason = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): InvalidParameters: ";

    /// <summary>Applies every change due at <paramref name="at"/>; returns true when the task failed just now.</summary>
    public static bool Apply(TaskRecord task, DateTimeOffset at)
    {
        if (task.State == TaskState.Pending && task.StartAt <= at)
        {
            if (task.FailAt is { } exitAt && exitAt <= task.StartAt)
            {
                Fail(task, exitAt);
                return true;
            }
            task.StartedAt = task.StartAt;
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
        var culprit = task.Containers.Where(c => c.StopsTask).MinBy(c => c.FailAfter)!;
        task.Failed = true;
        if (culprit.FailureKind == FailureKind.SecretsUnavailable)
        {
            // Secrets are fetched before any container starts: nothing ran, so no exit codes.
            MarkStopped(task, at, SecretsReason + culprit.Reason, "TaskFailedToStart");
            return;
        }
        task.StartedAt ??= task.StartAt;
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
