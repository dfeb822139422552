using Reconciler.Emulator.Ecs.Clusters;
using Reconciler.Emulator.Ecs.Services;
using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Ecs.Tasks;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ecs;

/// <summary>ECS state of one region: clusters (with their services and tasks) and task definition families.</summary>
internal sealed class EcsRegion
{
    /// <summary>Bounds one advance so a long idle period of a crash-looping service cannot stall a request.</summary>
    private const int MaxStepsPerAdvance = 20_000;

    /// <param name="parameterExists">Whether an SSM parameter exists in this region: tasks whose secrets name a missing one fail to start.</param>
    public EcsRegion(string region, string account, IdGenerator ids, ImageRules rules, Func<string, bool> parameterExists)
    {
        Arns = new EcsArns(region, account);
        Ids = ids;
        Scheduler = new ServiceScheduler(new TaskPlanner(rules, ids, Arns, parameterExists), ids, TaskDefinitionByArn);
    }

    public EcsArns Arns { get; }

    public IdGenerator Ids { get; }

    public ServiceScheduler Scheduler { get; }

    public Dictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, List<TaskDefinitionRecord>> Families { get; } = new(StringComparer.Ordinal);

    public IEnumerable<TaskDefinitionRecord> TaskDefinitions => Families.Values.SelectMany(f => f);

    public ClusterRecord CreateCluster(string name, DateTimeOffset now)
    {
        if (!Clusters.TryGetValue(name, out var cluster))
        {
            cluster = new ClusterRecord(name, Arns.Cluster(name));
            Clusters[name] = cluster;
        }
        return cluster;
    }

    /// <summary>The cluster named (or ARN'd) by a request; ECS defaults to "default".</summary>
    public ClusterRecord Cluster(string? nameOrArn) =>
        Clusters.TryGetValue(EcsArns.NameOf(nameOrArn ?? "default"), out var cluster)
            ? cluster
            : throw new AwsException("ClusterNotFoundException", "Cluster not found.");

    public ServiceRecord Service(ClusterRecord cluster, string nameOrArn) =>
        cluster.Services.TryGetValue(EcsArns.NameOf(nameOrArn), out var service)
            ? service
            : throw new AwsException("ServiceNotFoundException", "Service not found.");

    /// <summary>Resolves "family", "family:revision" or a full ARN; a bare family means its latest ACTIVE revision.</summary>
    public TaskDefinitionRecord? FindTaskDefinition(string reference)
    {
        var text = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference[(reference.IndexOf('/') + 1)..] : reference;
        var colon = text.LastIndexOf(':');
        var family = colon >= 0 ? text[..colon] : text;
        if (!Families.TryGetValue(family, out var revisions))
        {
            return null;
        }
        if (colon < 0)
        {
            return revisions.LastOrDefault(r => r.Status == "ACTIVE");
        }
        return int.TryParse(text[(colon + 1)..], out var number) ? revisions.FirstOrDefault(r => r.Revision == number) : null;
    }

    public TaskDefinitionRecord TaskDefinitionByArn(string arn) =>
        FindTaskDefinition(arn) ?? throw new InvalidOperationException("deployment refers to unknown task definition " + arn);

    /// <summary>Plays every service's simulation forward, event by event, up to <paramref name="now"/>.</summary>
    public void Advance(DateTimeOffset now)
    {
        foreach (var service in Clusters.Values.SelectMany(c => c.ActiveServices).ToList())
        {
            for (var step = 0; step < MaxStepsPerAdvance; step++)
            {
                var next = service.Tasks.Select(t => t.NextTransition()).Where(t => t is not null).Min();
                if (next is not { } at || at > now)
                {
                    break;
                }
                foreach (var task in service.Tasks.Where(t => t.NextTransition() <= at).ToList())
                {
                    if (TaskLifecycle.Apply(task, at))
                    {
                        Scheduler.OnTaskFailed(service, task, at);
                    }
                }
                Scheduler.Reconcile(service, at);
            }
        }
    }
}
