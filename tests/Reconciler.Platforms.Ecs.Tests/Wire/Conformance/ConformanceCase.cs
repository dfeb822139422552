using System.Text.Json;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Testing;
using Reconciler.Testing.Specs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>One operation: how to call it with a fully-populated request, its record types, and a model-valid response.</summary>
public sealed record ConformanceCase(
    string Service,
    string Operation,
    Type RequestType,
    Type ResponseType,
    Func<AwsClients, Task<object>> Call,
    string SampleResponse)
{
    public AwsServiceModel Model => Service == "ECS" ? AwsServiceModel.Ecs : AwsServiceModel.Ssm;

    public string ModelPath => Service == "ECS" ? RepoPaths.EcsModel : RepoPaths.SsmModel;

    public JsonSerializerOptions Json => Service == "ECS" ? AwsJson.Ecs : AwsJson.Ssm;

    public override string ToString() => Operation;
}
