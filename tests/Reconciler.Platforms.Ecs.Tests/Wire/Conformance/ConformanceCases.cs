using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>Every operation the clients can send. A new IEcsApi method without a row here fails a test.</summary>
public static class ConformanceCases
{
    private static readonly string Arn = $"{EcsSamples.Account}:service/prod/web";

    public static IReadOnlyList<ConformanceCase> All { get; } =
    [
        Ecs("DescribeServices", new DescribeServicesRequest { Cluster = "prod", Services = ["web", Arn], Include = ["TAGS"] },
            (c, r) => c.Ecs.DescribeServicesAsync(r)),
        Ecs("CreateService", EcsSamples.CreateService, (c, r) => c.Ecs.CreateServiceAsync(r)),
        Ecs("UpdateService", EcsSamples.UpdateService, (c, r) => c.Ecs.UpdateServiceAsync(r)),
        Ecs("RegisterTaskDefinition", EcsSamples.RegisterTaskDefinition, (c, r) => c.Ecs.RegisterTaskDefinitionAsync(r)),
        Ecs("DescribeTaskDefinition", new DescribeTaskDefinitionRequest { TaskDefinition = "web:7", Include = ["TAGS"] },
            (c, r) => c.Ecs.DescribeTaskDefinitionAsync(r)),
        Ecs("ListTaskDefinitions", new ListTaskDefinitionsRequest
            {
                FamilyPrefix = "web", Status = "ACTIVE", Sort = "DESC", NextToken = "page-1", MaxResults = 100,
            }, (c, r) => c.Ecs.ListTaskDefinitionsAsync(r)),
        Ecs("DeregisterTaskDefinition", new DeregisterTaskDefinitionRequest { TaskDefinition = "web:6" },
            (c, r) => c.Ecs.DeregisterTaskDefinitionAsync(r)),
        Ecs("ListTasks", new ListTasksRequest
            {
                Cluster = "prod", Family = "web", NextToken = "page-1", MaxResults = 100, StartedBy = "ecs-svc/1234567890",
                ServiceName = "web", DesiredStatus = "STOPPED", LaunchType = "FARGATE",
            }, (c, r) => c.Ecs.ListTasksAsync(r)),
        Ecs("DescribeTasks", new DescribeTasksRequest { Cluster = "prod", Tasks = [$"{EcsSamples.Account}:task/prod/1a2b"], Include = ["TAGS"] },
            (c, r) => c.Ecs.DescribeTasksAsync(r)),
        Ecs("TagResource", new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag("reconciler/revision", "abc123")] },
            (c, r) => c.Ecs.TagResourceAsync(r)),
        Ecs("ListTagsForResource", new ListTagsForResourceRequest { ResourceArn = Arn }, (c, r) => c.Ecs.ListTagsForResourceAsync(r)),
        Ecs("ListServiceDeployments", new ListServiceDeploymentsRequest
            {
                Service = "web", Cluster = "prod", Status = ["IN_PROGRESS", "ROLLBACK_IN_PROGRESS"],
                CreatedAt = new CreatedAtFilter(DateTimeOffset.FromUnixTimeSeconds(1732536100), DateTimeOffset.FromUnixTimeSeconds(1732530000)),
                NextToken = "page-1", MaxResults = 20,
            }, (c, r) => c.Ecs.ListServiceDeploymentsAsync(r)),
        Ecs("DescribeServiceDeployments", new DescribeServiceDeploymentsRequest
            {
                ServiceDeploymentArns = [$"{EcsSamples.Account}:service-deployment/prod/web/abc"],
            }, (c, r) => c.Ecs.DescribeServiceDeploymentsAsync(r)),
        Ecs("DescribeClusters", new DescribeClustersRequest { Clusters = ["prod"], Include = ["TAGS", "SETTINGS"] },
            (c, r) => c.Ecs.DescribeClustersAsync(r)),
        Ecs("CreateCluster", new CreateClusterRequest
            {
                ClusterName = "prod", Tags = [new Tag("env", "prod")], CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
                DefaultCapacityProviderStrategy = [EcsSamples.Spot],
            }, (c, r) => c.Ecs.CreateClusterAsync(r)),
    ];

    private static ConformanceCase Ecs<TRequest, TResponse>(string operation, TRequest request, Func<AwsClients, TRequest, Task<TResponse>> call)
        where TRequest : notnull
        where TResponse : notnull =>
        new("ECS", operation, request, typeof(TRequest), typeof(TResponse), async c => await call(c, request), EcsSampleResponses.ByOperation[operation]);
}
