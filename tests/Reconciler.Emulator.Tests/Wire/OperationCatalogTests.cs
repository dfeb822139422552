using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Ssm;
using Reconciler.Testing.Specs;

namespace Reconciler.Emulator.Tests.Wire;

/// <summary>The emulator only answers operations that exist in the official service models, under their real prefix.</summary>
internal sealed class OperationCatalogTests
{
    [Test]
    public void Every_ECS_operation_the_emulator_speaks_exists_in_the_ECS_model()
    {
        Assert.That(EcsApi.Operations.Keys.Where(op => !AwsServiceModel.Ecs.HasOperation(op)), Is.Empty);
        Assert.That(EcsApi.TargetPrefix, Is.EqualTo(AwsServiceModel.Ecs.TargetPrefix));
    }

    [Test]
    public void Every_SSM_operation_the_emulator_speaks_exists_in_the_SSM_model()
    {
        Assert.That(SsmApi.Operations.Keys.Where(op => !AwsServiceModel.Ssm.HasOperation(op)), Is.Empty);
        Assert.That(SsmApi.TargetPrefix, Is.EqualTo(AwsServiceModel.Ssm.TargetPrefix));
    }

    [Test]
    public void Every_error_type_an_ECS_operation_raises_is_declared_by_the_model_or_is_a_protocol_error()
    {
        // Error types used in ECS handlers; protocol-level ones (throttling, signature) are common to all AWS JSON services.
        string[] used = ["ClientException", "InvalidParameterException", "ClusterNotFoundException", "ServiceNotFoundException", "ServiceNotActiveException", "ResourceNotFoundException", "ServerException"];

        Assert.That(used.Where(e => !AwsServiceModel.Ecs.HasShape(e)), Is.Empty);
    }
}
