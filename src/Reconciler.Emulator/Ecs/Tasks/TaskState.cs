namespace Reconciler.Emulator.Ecs.Tasks;

internal enum TaskState
{
    Pending,
    Running,
    Stopped,
}

internal enum ContainerHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>Why a task is planned to stop by itself.</summary>
internal enum FailureKind
{
    None,
    EssentialContainerExited,
    HealthCheckFailed,

    /// <summary>An SSM parameter named in <c>secrets[].valueFrom</c> does not exist: the task never starts.</summary>
    SecretsUnavailable,
}
