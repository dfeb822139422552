namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>A simulated container inside a task, with the times its behaviour plans for it.</summary>
internal sealed class ContainerRecord(string id, string name, string image, bool essential, bool hasHealthCheck)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Image { get; } = image;

    public bool Essential { get; } = essential;

    public bool HasHealthCheck { get; } = hasHealthCheck;

    /// <summary>Seconds after task start when the health check first passes; null if it never does.</summary>
    public int? HealthyAfter { get; init; }

    /// <summary>Seconds after task start when the container stops by itself; null if it keeps running.</summary>
    public int? FailAfter { get; init; }

    public FailureKind FailureKind { get; init; }

    /// <summary>Whether this container's planned failure stops the whole task (any container's missing secret does).</summary>
    public bool StopsTask => FailAfter is not null && (Essential || FailureKind == FailureKind.SecretsUnavailable);

    public string LastStatus { get; set; } = "PENDING";

    public ContainerHealth Health { get; set; }

    public int? ExitCode { get; set; }

    /// <summary>Container reason as DescribeTasks shows it; for a missing secret, the parameter names.</summary>
    public string? Reason { get; set; }
}
