namespace Reconciler.Emulator.Simulation;

/// <summary>How a simulated container's application behaves once started.</summary>
public enum BehaviourKind
{
    /// <summary>The app answers its health check <see cref="ContainerBehaviour.ReadySeconds"/> after start.</summary>
    Healthy,

    /// <summary>The app never answers its health check.</summary>
    Unhealthy,

    /// <summary>The process exits with code 1 right after start.</summary>
    Crash,
}

/// <summary>A behaviour plus, for healthy apps, how long the app takes to start answering.</summary>
public sealed record ContainerBehaviour(BehaviourKind Kind, int ReadySeconds = ContainerBehaviour.DefaultReadySeconds)
{
    public const int DefaultReadySeconds = 5;

    public static ContainerBehaviour Healthy { get; } = new(BehaviourKind.Healthy);

    public static ContainerBehaviour Unhealthy { get; } = new(BehaviourKind.Unhealthy);

    public static ContainerBehaviour Crash { get; } = new(BehaviourKind.Crash);

    public static ContainerBehaviour SlowStart(int seconds) => new(BehaviourKind.Healthy, seconds);
}
