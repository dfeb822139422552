using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Ecs.Tasks;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>An ECS service: its settings, deployments (PRIMARY last), tasks and event log.</summary>
internal sealed class ServiceRecord(string name, string arn, string clusterName, DateTimeOffset createdAt)
{
    public const int MaxEvents = 100;
    public const int MaxStoppedTasks = 100;
    public const int MaxHistory = 50;

    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string ClusterName { get; } = clusterName;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; set; }

    public string TaskDefinitionArn { get; set; } = "";

    public string LaunchType { get; set; } = "EC2";

    public JsonObject DeploymentConfiguration { get; set; } = new();

    public JsonObject? NetworkConfiguration { get; set; }

    /// <summary>Request members echoed back as given (loadBalancers, placementStrategy, propagateTags, ...).</summary>
    public JsonObject Echo { get; set; } = new();

    public string? ClientToken { get; set; }

    public string RequestFingerprint { get; set; } = "";

    public List<Tag> Tags { get; } = [];

    public List<DeploymentRecord> Deployments { get; } = [];

    public List<ServiceEvent> Events { get; } = [];

    /// <summary>Every deployment ever started, oldest first (bounded): what ListServiceDeployments shows.</summary>
    public List<DeploymentRecord> History { get; } = [];

    public List<TaskRecord> Tasks { get; } = [];

    /// <summary>The last deployment that reached COMPLETED: the circuit breaker's rollback target.</summary>
    public DeploymentRecord? LastCompleted { get; set; }

    public DeploymentRecord Primary => Deployments[^1];

    public IEnumerable<TaskRecord> LiveTasks => Tasks.Where(t => t.State != TaskState.Stopped);

    public IEnumerable<TaskRecord> LiveTasksOf(DeploymentRecord deployment) => LiveTasks.Where(t => t.DeploymentId == deployment.Id);

    public void RecordHistory(DeploymentRecord deployment)
    {
        History.Add(deployment);
        if (History.Count > MaxHistory)
        {
            History.RemoveAt(0);
        }
    }

    public void AddEvent(ServiceEvent serviceEvent)
    {
        Events.Insert(0, serviceEvent);
        if (Events.Count > MaxEvents)
        {
            Events.RemoveAt(Events.Count - 1);
        }
    }

    /// <summary>Forgets the oldest stopped tasks, as ECS does after about an hour.</summary>
    public void TrimStoppedTasks()
    {
        var stopped = Tasks.Where(t => t.State == TaskState.Stopped).OrderBy(t => t.StoppedAt).ToList();
        foreach (var task in stopped.Take(Math.Max(0, stopped.Count - MaxStoppedTasks)))
        {
            Tasks.Remove(task);
        }
    }
}
