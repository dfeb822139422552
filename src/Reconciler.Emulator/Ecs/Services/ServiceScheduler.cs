using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Ecs.Tasks;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>
/// The ECS service scheduler at one instant: trip the circuit breaker, launch tasks for the PRIMARY deployment
/// within maximumPercent, stop older tasks as far as minimumHealthyPercent allows, then declare completion.
/// Running it twice at the same instant changes nothing the second time.
/// </summary>
internal sealed class ServiceScheduler(TaskPlanner planner, IdGenerator ids, Func<string, TaskDefinitionRecord> taskDefinition)
{
    private readonly DeploymentStarter _starter = new(ids);

    public DeploymentStarter Starter => _starter;

    public void Reconcile(ServiceRecord service, DateTimeOffset now)
    {
        if (service.Status != "ACTIVE")
        {
            return;
        }
        new CircuitBreaker(_starter, AddEvent).Check(service, now);
        if (service.Primary.RolloutState != "FAILED")
        {
            // A FAILED PRIMARY (breaker without rollback) launches nothing more and keeps the old tasks serving.
            Launch(service, now);
            Drain(service, now);
        }
        // Drained deployments leave the list, except a FAILED one: it stays visible until the rollback completes.
        service.Deployments.RemoveAll(d => d != service.Primary && d.RolloutState != "FAILED" && !service.LiveTasksOf(d).Any());
        Complete(service, now);
        service.TrimStoppedTasks();
    }

    public void OnTaskFailed(ServiceRecord service, TaskRecord task, DateTimeOffset now)
    {
        if (service.Deployments.FirstOrDefault(d => d.Id == task.DeploymentId) is { } deployment)
        {
            deployment.FailedTasks++;
            deployment.UpdatedAt = now;
        }
        AddEvent(service, now, ServiceMessages.TaskFailed(service.Name, task));
    }

    public void StopTasks(ServiceRecord service, IReadOnlyCollection<TaskRecord> tasks, DateTimeOffset now, string reason)
    {
        if (tasks.Count == 0)
        {
            return;
        }
        foreach (var task in tasks)
        {
            TaskLifecycle.Stop(task, now, reason);
        }
        AddEvent(service, now, ServiceMessages.Stopped(service.Name, tasks));
    }

    private void Launch(ServiceRecord service, DateTimeOffset now)
    {
        var primary = service.Primary;
        var live = service.LiveTasks.ToList();
        var mine = live.Where(t => t.DeploymentId == primary.Id).ToList();
        var need = service.DesiredCount - mine.Count;
        if (need < 0)
        {
            var surplus = mine.OrderBy(t => t.IsHealthy).ThenByDescending(t => t.CreatedAt).Take(-need).ToList();
            StopTasks(service, surplus, now, $"Scaling activity initiated by (deployment {primary.Id})");
            return;
        }
        var cap = service.DesiredCount * MaximumPercent(service) / 100;
        var count = Math.Min(need, Math.Max(0, cap - live.Count));
        var old = live.Where(t => t.DeploymentId != primary.Id).ToList();
        if (count == 0 && need > 0 && old.Count > 0)
        {
            // maximumPercent leaves no room: make room by stopping one old task first, as ECS does at 100%.
            StopTasks(service, [old.OrderBy(t => t.IsHealthy).First()], now, $"Scaling activity initiated by (deployment {primary.Id})");
            count = 1;
        }
        if (count <= 0)
        {
            return;
        }
        var definition = taskDefinition(primary.TaskDefinitionArn);
        var started = Enumerable.Range(0, count).Select(_ => planner.Plan(service.ClusterName, primary.Id, definition, now)).ToList();
        service.Tasks.AddRange(started);
        primary.UpdatedAt = now;
        AddEvent(service, now, ServiceMessages.Started(service.Name, started));
    }

    private void Drain(ServiceRecord service, DateTimeOffset now)
    {
        var primary = service.Primary;
        var old = service.LiveTasks.Where(t => t.DeploymentId != primary.Id).OrderBy(t => t.IsHealthy).ThenBy(t => t.CreatedAt).ToList();
        var minimumHealthy = (int)Math.Ceiling(service.DesiredCount * MinimumHealthyPercent(service) / 100.0);
        var healthyNew = service.LiveTasksOf(primary).Count(t => t.IsHealthy);
        var keep = Math.Max(0, minimumHealthy - healthyNew);
        StopTasks(service, old.Take(Math.Max(0, old.Count - keep)).ToList(), now, $"Scaling activity initiated by (deployment {primary.Id})");
    }

    private void Complete(ServiceRecord service, DateTimeOffset now)
    {
        var primary = service.Primary;
        var mine = service.LiveTasksOf(primary).ToList();
        if (primary.RolloutState != "IN_PROGRESS" || service.LiveTasks.Any(t => t.DeploymentId != primary.Id)
            || mine.Count != service.DesiredCount || !mine.All(t => t.IsHealthy))
        {
            return;
        }
        service.Deployments.RemoveAll(d => d != primary);
        primary.RolloutState = "COMPLETED";
        primary.RolloutStateReason = $"ECS deployment {primary.Id} completed.";
        primary.UpdatedAt = now;
        primary.FinishedAt = now;
        service.LastCompleted = primary;
        AddEvent(service, now, ServiceMessages.DeploymentCompleted(service.Name, primary.Id));
        AddEvent(service, now, ServiceMessages.SteadyState(service.Name));
    }

    private void AddEvent(ServiceRecord service, DateTimeOffset now, string message) => service.AddEvent(new ServiceEvent(ids.Guid(), now, message));

    private static int MaximumPercent(ServiceRecord service) => service.DeploymentConfiguration.Int("maximumPercent") ?? 200;

    private static int MinimumHealthyPercent(ServiceRecord service) => service.DeploymentConfiguration.Int("minimumHealthyPercent") ?? 100;
}
