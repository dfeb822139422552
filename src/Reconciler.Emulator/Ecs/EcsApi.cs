using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Clusters;
using Reconciler.Emulator.Ecs.Services;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Ecs.Tasks;

namespace Reconciler.Emulator.Ecs;

/// <summary>The ECS operations the emulator speaks, by X-Amz-Target operation name.</summary>
internal static class EcsApi
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    public static IReadOnlyDictionary<string, Func<EcsCall, JsonObject>> Operations { get; } = new Dictionary<string, Func<EcsCall, JsonObject>>
    {
        ["CreateCluster"] = ClusterOperations.Create,
        ["DescribeClusters"] = ClusterOperations.Describe,
        ["RegisterTaskDefinition"] = TaskDefinitionOperations.Register,
        ["DescribeTaskDefinition"] = TaskDefinitionOperations.Describe,
        ["ListTaskDefinitions"] = TaskDefinitionOperations.List,
        ["DeregisterTaskDefinition"] = TaskDefinitionOperations.Deregister,
        ["CreateService"] = ServiceOperations.Create,
        ["UpdateService"] = ServiceOperations.Update,
        ["DeleteService"] = ServiceOperations.Delete,
        ["DescribeServices"] = ServiceQueries.Describe,
        ["ListServices"] = ServiceQueries.List,
        ["ListServiceDeployments"] = ServiceDeploymentQueries.List,
        ["DescribeServiceDeployments"] = ServiceDeploymentQueries.Describe,
        ["ListTasks"] = TaskOperations.List,
        ["DescribeTasks"] = TaskOperations.Describe,
        ["TagResource"] = TagOperations.TagResource,
        ["UntagResource"] = TagOperations.UntagResource,
        ["ListTagsForResource"] = TagOperations.ListTags,
    };
}
