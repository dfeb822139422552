namespace Reconciler.Emulator.Ecs;

/// <summary>ARNs in the shapes ECS uses (long ARN format).</summary>
internal sealed record EcsArns(string Region, string Account)
{
    private string Prefix => $"arn:aws:ecs:{Region}:{Account}:";

    public string Cluster(string name) => Prefix + "cluster/" + name;

    public string TaskDefinition(string family, int revision) => $"{Prefix}task-definition/{family}:{revision}";

    public string Service(string cluster, string name) => $"{Prefix}service/{cluster}/{name}";

    public string Task(string cluster, string id) => $"{Prefix}task/{cluster}/{id}";

    public string Container(string cluster, string taskId, string containerId) => $"{Prefix}container/{cluster}/{taskId}/{containerId}";

    public string ServiceDeployment(string cluster, string service, string deploymentId) =>
        $"{Prefix}service-deployment/{cluster}/{service}/{deploymentId.Replace("ecs-svc/", "")}";

    public string ServiceRevision(string cluster, string service, string deploymentId) =>
        $"{Prefix}service-revision/{cluster}/{service}/{deploymentId.Replace("ecs-svc/", "")}";

    public string RoleRoot => $"arn:aws:iam::{Account}:root";

    /// <summary>The last path segment of an ARN, or the text itself when it is a plain name.</summary>
    public static string NameOf(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;
}
