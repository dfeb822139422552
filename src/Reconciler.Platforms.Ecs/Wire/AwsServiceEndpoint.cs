using System.Text.Json;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>Everything that differs between the AWS JSON 1.1 services we call with the hand-written client (ECS; SSM uses the official SDK).</summary>
internal sealed record AwsServiceEndpoint(
    string DisplayName,
    string TargetPrefix,
    string SigningName,
    Uri Url,
    string Region,
    JsonSerializerOptions Json)
{
    public static AwsServiceEndpoint Ecs(AwsEndpointResolver endpoints, string region) =>
        new("ECS", "AmazonEC2ContainerServiceV20141113", "ecs", endpoints.Resolve("ECS", "ecs", region), region, AwsJson.Ecs);
}
