namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>
/// The ECS operations the reconciler uses, one method each, with the official request/response member names.
/// The only seam to ECS: swapping in the official AWSSDK.ECS client means implementing this interface once.
/// Errors are <see cref="Errors.AwsApiException"/>s; nothing is retried here.
/// </summary>
public interface IEcsApi
{
    /// <summary>Any number of services; sent in batches of at most 10 with services and failures merged.</summary>
    Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken ct = default);

    Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken ct = default);

    Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken ct = default);

    Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken ct = default);

    Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken ct = default);

    /// <summary>One page; see <see cref="EcsApiPaging"/> for all pages.</summary>
    Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken ct = default);

    Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken ct = default);

    /// <summary>One page; see <see cref="EcsApiPaging"/> for all pages.</summary>
    Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken ct = default);

    /// <summary>Any number of tasks; sent in batches of at most 100 with tasks and failures merged.</summary>
    Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken ct = default);

    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct = default);

    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct = default);

    Task<ListServiceDeploymentsResponse> ListServiceDeploymentsAsync(ListServiceDeploymentsRequest request, CancellationToken ct = default);

    /// <summary>Any number of ARNs; sent in batches of at most 20 with results and failures merged.</summary>
    Task<DescribeServiceDeploymentsResponse> DescribeServiceDeploymentsAsync(DescribeServiceDeploymentsRequest request, CancellationToken ct = default);

    Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken ct = default);

    Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken ct = default);
}
