using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>
/// The hand-written ECS client against the official AWS service models in tests/specs/aws: what they send must be a valid
/// input of the operation, every member their records read must exist in the output shape with a fitting type,
/// and a model-valid response must come back through the client without losing anything the records model.
/// </summary>
public sealed class ModelConformanceTests
{
    private static IEnumerable<TestCaseData> Requests() =>
        ConformanceCases.All.Select(c => new TestCaseData(c).SetName($"{c.Operation} request conforms to the {c.Service} model"));

    private static IEnumerable<TestCaseData> Responses() =>
        ConformanceCases.All.Select(c => new TestCaseData(c).SetName($"{c.Operation} response records read only {c.Service} model members"));

    private static IEnumerable<TestCaseData> Samples() =>
        ConformanceCases.All.Select(c => new TestCaseData(c).SetName($"{c.Operation} model-valid sample response round-trips through the client"));

    [TestCaseSource(nameof(Requests))]
    public async Task Request_conforms(ConformanceCase @case)
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok());
        using var clients = TestClients.For(handler);

        await @case.Call(clients);

        var sent = handler.Requests.Single();
        var json = JsonNode.Parse(sent.Body);
        var walker = new DtoShapeWalker(@case.Model, @case.ModelPath, @case.Json).Walk(@case.RequestType, @case.Model.ShapeOf(@case.Operation, "input"));
        Assert.Multiple(() =>
        {
            Assert.That(sent.Target, Is.EqualTo($"{@case.Model.TargetPrefix}.{@case.Operation}"));
            Assert.That(@case.Model.ValidateInput(@case.Operation, json), Is.Empty, sent.Json?.ToJsonString());
            Assert.That(walker.Problems, Is.Empty);
            Assert.That(walker.LeafPaths.Where(p => !JsonPaths.Covers(json, p)), Is.Empty, "members the sample request leaves unset");
        });
    }

    [TestCaseSource(nameof(Responses))]
    public void Response_records_fit_the_output_shape(ConformanceCase @case)
    {
        var walker = new DtoShapeWalker(@case.Model, @case.ModelPath, @case.Json).Walk(@case.ResponseType, @case.Model.ShapeOf(@case.Operation, "output"));

        Assert.That(walker.Problems, Is.Empty);
    }

    [TestCaseSource(nameof(Samples))]
    public async Task Sample_response_round_trips(ConformanceCase @case)
    {
        var sample = JsonNode.Parse(@case.SampleResponse);
        using var clients = TestClients.For(new CapturingHandler(_ => CannedResponse.Ok(@case.SampleResponse)));

        var response = await @case.Call(clients);

        var reread = JsonNode.Parse(JsonSerializer.Serialize(response, @case.ResponseType, @case.Json));
        var walker = new DtoShapeWalker(@case.Model, @case.ModelPath, @case.Json).Walk(@case.ResponseType, @case.Model.ShapeOf(@case.Operation, "output"));
        Assert.Multiple(() =>
        {
            Assert.That(@case.Model.ValidateOutput(@case.Operation, sample), Is.Empty, "the sample itself must be model-valid");
            Assert.That(walker.LeafPaths.Where(p => !JsonPaths.Covers(sample, p)), Is.Empty, "members the sample does not exercise");
            Assert.That(JsonPaths.NotContainedIn(reread, sample), Is.Empty, "values lost or changed on the way through the client");
        });
    }

    [Test]
    public void Every_interface_method_has_a_conformance_case()
    {
        var operations = typeof(IEcsApi).GetMethods()
            .Select(m => m.Name.Replace("Async", "")).Order();

        Assert.That(ConformanceCases.All.Select(c => c.Operation).Order(), Is.EqualTo(operations));
    }
}
