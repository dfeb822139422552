namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS over AWS JSON 1.1 (<c>AmazonEC2ContainerServiceV20141113.*</c>).</summary>
internal sealed class EcsApiClient(AwsJsonClient client) : IEcsApi
{
    // API limits on names per Describe* call.
    internal const int DescribeServicesBatch = 10;
    internal const int DescribeTasksBatch = 100;
    internal const int DescribeServiceDeploymentsBatch = 20;

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken ct = default) =>
        Batching.RunAsync(request.Services, DescribeServicesBatch,
            batch => Send<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", request with { Services = batch }, ct),
            (a, b) => new() { Services = [.. a.Services, .. b.Services], Failures = [.. a.Failures, .. b.Failures] });

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken ct = default) =>
        Send<CreateServiceRequest, CreateServiceResponse>("CreateService", request, ct);

    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken ct = default) =>
        Send<UpdateServiceRequest, UpdateServiceResponse>("UpdateService", request, ct);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken ct = default) =>
        Send<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>("RegisterTaskDefinition", request, ct);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken ct = default) =>
        Send<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>("DescribeTaskDefinition", request, ct);

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken ct = default) =>
        Send<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>("ListTaskDefinitions", request, ct);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken ct = default) =>
        Send<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>("DeregisterTaskDefinition", request, ct);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken ct = default) =>
        Send<ListTasksRequest, ListTasksResponse>("ListTasks", request, ct);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken ct = default) =>
        Batching.RunAsync(request.Tasks, DescribeTasksBatch,
            batch => Send<DescribeTasksRequest, DescribeTasksResponse>("DescribeTasks", request with { Tasks = batch }, ct),
            (a, b) => new() { Tasks = [.. a.Tasks, .. b.Tasks], Failures = [.. a.Failures, .. b.Failures] });

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct = default) =>
        Send<TagResourceRequest, TagResourceResponse>("TagResource", request, ct);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct = default) =>
        Send<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", request, ct);

    public Task<ListServiceDeploymentsResponse> ListServiceDeploymentsAsync(ListServiceDeploymentsRequest request, CancellationToken ct = default) =>
        Send<ListServiceDeploymentsRequest, ListServiceDeploymentsResponse>("ListServiceDeployments", request, ct);

    public Task<DescribeServiceDeploymentsResponse> DescribeServiceDeploymentsAsync(DescribeServiceDeploymentsRequest request, CancellationToken ct = default) =>
        Batching.RunAsync(request.ServiceDeploymentArns, DescribeServiceDeploymentsBatch,
            batch => Send<DescribeServiceDeploymentsRequest, DescribeServiceDeploymentsResponse>(
                "DescribeServiceDeployments", request with { ServiceDeploymentArns = batch }, ct),
            (a, b) => new() { ServiceDeployments = [.. a.ServiceDeployments, .. b.ServiceDeployments], Failures = [.. a.Failures, .. b.Failures] });

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken ct = default) =>
        Send<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", request, ct);

    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken ct = default) =>
        Send<CreateClusterRequest, CreateClusterResponse>("CreateCluster", request, ct);

    private Task<TResponse> Send<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct)
        where TResponse : new() =>
        client.SendAsync<TRequest, TResponse>(operation, request, ct);
}
