using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ecs;

/// <summary>
/// The ECS client's JSON contracts are source-generated (<see cref="EcsJsonContext"/>) so the daemon can run as a Native
/// AOT binary, where reflection serialization fails at run time. A record missing from the context must fail here.
/// </summary>
public sealed class AwsJsonContractTests
{
    private static IEnumerable<TestCaseData> WireTypes() =>
        typeof(IEcsApi).GetMethods()
            .SelectMany(m => new[] { m.GetParameters()[0].ParameterType, m.ReturnType.GetGenericArguments().Single() })
            .Select(t => new TestCaseData(t).SetName($"{t.Name} has a source-generated contract"));

    [TestCaseSource(nameof(WireTypes))]
    public void Every_request_and_response_record_of_the_ecs_api_has_a_source_generated_contract(Type type) =>
        Assert.That(AwsJson.Ecs.GetTypeInfo(type).OriginatingResolver, Is.SameAs(EcsJsonContext.Default));

    [Test]
    public void A_type_outside_the_context_has_no_contract_rather_than_a_reflection_one() =>
        Assert.Throws<NotSupportedException>(() => AwsJson.Ecs.GetTypeInfo(typeof(AwsServiceEndpoint)));

    [Test]
    public void The_options_keep_camel_case_names_null_omission_and_epoch_second_timestamps()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new ListServiceDeploymentsRequest { Service = "web", CreatedAt = new CreatedAtFilter(After: DateTimeOffset.FromUnixTimeMilliseconds(1732536000123)) },
            AwsJson.Ecs);

        Assert.That(json, Is.EqualTo("""{"service":"web","createdAt":{"after":1732536000.123}}"""));
    }
}
