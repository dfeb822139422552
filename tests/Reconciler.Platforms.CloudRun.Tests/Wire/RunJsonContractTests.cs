using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Wire;

/// <summary>
/// The Cloud Run client's JSON contracts are source-generated (<see cref="RunJsonContext"/>) so the daemon can run as a
/// Native AOT binary. Bodies are written by their runtime type, so every type sent must be in the context too.
/// </summary>
public sealed class RunJsonContractTests
{
    private static IEnumerable<TestCaseData> WireTypes() =>
        typeof(ICloudRunApi).GetMethods()
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Where(t => t.Namespace == typeof(RunService).Namespace)
                .Append(m.ReturnType.GetGenericArguments().Single()))
            .Append(typeof(WaitOperationRequest))
            .Distinct()
            .Select(t => new TestCaseData(t).SetName($"{t.Name} has a source-generated contract"));

    [TestCaseSource(nameof(WireTypes))]
    public void Every_body_the_cloud_run_client_sends_or_reads_has_a_source_generated_contract(Type type) =>
        Assert.That(RunJson.Options.GetTypeInfo(type).OriginatingResolver, Is.SameAs(RunJsonContext.Default));

    [Test]
    public void A_type_outside_the_context_has_no_contract_rather_than_a_reflection_one() =>
        Assert.Throws<NotSupportedException>(() => RunJson.Options.GetTypeInfo(typeof(CloudRunEndpoint)));
}
