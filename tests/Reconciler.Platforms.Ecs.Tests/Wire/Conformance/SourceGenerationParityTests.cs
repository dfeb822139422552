using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>
/// The source-generated contracts (<see cref="EcsJsonContext"/>) write and read exactly what reflection over the same
/// options did before the client moved to them: the same bytes for every fully-populated request, the same records
/// from every model-valid sample response.
/// </summary>
public sealed class SourceGenerationParityTests
{
    /// <summary>AwsJson.Ecs as it was: same settings and converter, contracts by reflection.</summary>
    private static readonly JsonSerializerOptions Reflection = new(AwsJson.Ecs) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static IEnumerable<TestCaseData> Cases(string what) =>
        ConformanceCases.All.Select(c => new TestCaseData(c).SetName($"{c.Operation} {what}"));

    private static IEnumerable<TestCaseData> Requests() => Cases("request is sent byte for byte as reflection wrote it");

    private static IEnumerable<TestCaseData> Responses() => Cases("response is read as reflection read it");

    [TestCaseSource(nameof(Requests))]
    public async Task A_request_is_sent_byte_for_byte_as_reflection_wrote_it(ConformanceCase @case)
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok());
        using var clients = TestClients.For(handler);

        await @case.Call(clients);

        var before = JsonSerializer.SerializeToUtf8Bytes(@case.Request, @case.RequestType, Reflection);
        Assert.That(System.Text.Encoding.UTF8.GetString(handler.Requests.Single().Body), Is.EqualTo(System.Text.Encoding.UTF8.GetString(before)));
    }

    [TestCaseSource(nameof(Responses))]
    public async Task A_response_is_read_as_reflection_read_it(ConformanceCase @case)
    {
        using var clients = TestClients.For(new CapturingHandler(_ => CannedResponse.Ok(@case.SampleResponse)));

        var read = await @case.Call(clients);

        var before = JsonSerializer.Deserialize(@case.SampleResponse, @case.ResponseType, Reflection);
        Assert.That(JsonSerializer.Serialize(read, @case.ResponseType, Reflection), Is.EqualTo(JsonSerializer.Serialize(before, @case.ResponseType, Reflection)));
    }
}
