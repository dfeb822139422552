using System.Text.Json;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Testing;
using Reconciler.Testing.Specs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>One ECS operation of the hand-written client (SSM is the official SDK, see Wire/Ssm): how to call it with a fully-populated request, its record types, and a model-valid response.</summary>
public sealed record ConformanceCase(
    string Service,
    string Operation,
    object Request,
    Type RequestType,
    Type ResponseType,
    Func<AwsClients, Task<object>> Call,
    string SampleResponse)
{
    public AwsServiceModel Model => AwsServiceModel.Ecs;

    public string ModelPath => RepoPaths.EcsModel;

    public JsonSerializerOptions Json => AwsJson.Ecs;

    public override string ToString() => Operation;
}
