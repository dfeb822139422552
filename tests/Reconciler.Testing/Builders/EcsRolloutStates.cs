using Reconciler.Core.Ecs;
using static Reconciler.Testing.Builders.ObservedEcsBuilder;

namespace Reconciler.Testing.Builders;

/// <summary>
/// Snapshots of an ECS service during a rollout from revision 1 (<see cref="Old"/>) to revision 2 (<see cref="New"/>),
/// shaped like DescribeServices output at each stage. Times are relative to <see cref="Start"/>.
/// </summary>
public static class EcsRolloutStates
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly string Old = TaskDefinitionArn(1);
    public static readonly string New = TaskDefinitionArn(2);

    /// <summary>Before the rollout: stable on Old.</summary>
    public static ObservedEcsService Before(int desired = 2) =>
        InSyncWith(EcsManifestBuilder.Manifest(EcsManifestBuilder.Spec() with { DesiredCount = desired }));

    /// <summary>Mid-rollout: PRIMARY on New (IN_PROGRESS) with <paramref name="newRunning"/> tasks, ACTIVE on Old.</summary>
    public static ObservedEcsService Rolling(int newRunning, int desired = 2) => Before(desired) with
    {
        TaskDefinitionArn = New,
        RunningCount = desired + newRunning,
        Deployments =
        [
            Deployment("ecs-svc/2", EcsStatuses.Primary, New, desired, newRunning, EcsStatuses.InProgress, createdAt: Start),
            Deployment("ecs-svc/1", "ACTIVE", Old, desired, desired, EcsStatuses.Completed, createdAt: Start.AddDays(-1)),
        ],
    };

    /// <summary>Done: one PRIMARY deployment on New, all tasks running. <paramref name="rolloutState"/> null = ECS did not report one.</summary>
    public static ObservedEcsService Finished(int desired = 2, string? rolloutState = EcsStatuses.Completed) => Before(desired) with
    {
        TaskDefinitionArn = New,
        Deployments = [Deployment("ecs-svc/2", EcsStatuses.Primary, New, desired, desired, rolloutState, createdAt: Start)],
    };

    /// <summary>
    /// The deployment circuit breaker gave up on New and rolled back to Old: the service is stable again — one
    /// deployment, runningCount == desiredCount — which the services-stable waiter alone would call success.
    /// </summary>
    public static ObservedEcsService RolledBackByCircuitBreaker(int desired = 2, bool withEvent = true) => Before(desired) with
    {
        TaskDefinitionArn = Old,
        Deployments = [Deployment("ecs-svc/3", EcsStatuses.Primary, Old, desired, desired, EcsStatuses.Completed, createdAt: Start.AddMinutes(6))],
        Events = withEvent
            ?
            [
                new ServiceEvent("e2", Start.AddMinutes(6), "(service api) rolling back to deployment ecs-svc/1."),
                new ServiceEvent("e1", Start.AddMinutes(5), "(service api) deployment ecs-svc/2 deployment failed: tasks failed to start."),
            ]
            : [],
    };

    /// <summary><paramref name="count"/> tasks of <paramref name="taskDefinitionArn"/> stopped with <paramref name="reason"/> after the start.</summary>
    public static ObservedEcsService WithStopped(this ObservedEcsService observed, int count, string reason, string? taskDefinitionArn = null) =>
        observed with
        {
            StoppedTasks = [.. observed.StoppedTasks, .. Enumerable.Range(observed.StoppedTasks.Count, count)
                .Select(i => Stopped(taskDefinitionArn ?? New, reason, Start.AddMinutes(1 + i), i))],
        };
}
