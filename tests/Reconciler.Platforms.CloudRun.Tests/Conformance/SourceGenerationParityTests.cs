using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>
/// The source-generated contracts (<see cref="RunJsonContext"/>) write and read exactly what reflection over the same
/// options did before the client moved to them, over the same full run the discovery conformance test makes.
/// </summary>
public sealed class SourceGenerationParityTests
{
    /// <summary>RunJson.Options as it was: same settings, contracts by reflection.</summary>
    private static readonly JsonSerializerOptions Reflection = new(RunJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly Dictionary<string, (Type? Request, Type Response)> Bodies = new()
    {
        ["run.projects.locations.services.create"] = (typeof(RunService), typeof(RunOperation)),
        ["run.projects.locations.services.patch"] = (typeof(RunService), typeof(RunOperation)),
        ["run.projects.locations.services.get"] = (null, typeof(RunService)),
        ["run.projects.locations.services.list"] = (null, typeof(ListServicesResponse)),
        ["run.projects.locations.services.revisions.list"] = (null, typeof(ListRevisionsResponse)),
        ["run.projects.locations.services.revisions.get"] = (null, typeof(RunRevision)),
        ["run.projects.locations.operations.get"] = (null, typeof(RunOperation)),
        ["run.projects.locations.operations.wait"] = (typeof(WaitOperationRequest), typeof(RunOperation)),
    };

    [Test]
    public async Task Every_body_of_a_full_run_is_written_and_read_as_reflection_did()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await DiscoveryConformanceTests.RunEverythingAsync(h);

        var answered = h.Recorder.Exchanges.Where(e => e.Status is >= 200 and < 300).ToList();
        var problems = new List<string>();
        foreach (var e in answered)
        {
            var id = DiscoveryDocument.Load().Match(e.Method, e.Uri.AbsolutePath)!.Id;
            var (request, response) = Bodies[id];
            if (request is not null)
            {
                var sent = JsonSerializer.Deserialize(e.RequestBody!, request, Reflection);
                if (JsonSerializer.Serialize(sent, request, Reflection) != e.RequestBody)
                {
                    problems.Add($"{id}: the client sent {e.RequestBody}, reflection writes {JsonSerializer.Serialize(sent, request, Reflection)}");
                }
            }
            var read = JsonSerializer.Serialize(JsonSerializer.Deserialize(e.ResponseBody!, response, RunJson.Options), response, Reflection);
            var before = JsonSerializer.Serialize(JsonSerializer.Deserialize(e.ResponseBody!, response, Reflection), response, Reflection);
            if (read != before)
            {
                problems.Add($"{id}: read as {read}, reflection read {before}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(answered.Select(e => DiscoveryDocument.Load().Match(e.Method, e.Uri.AbsolutePath)!.Id).Distinct(), Is.EquivalentTo(Bodies.Keys));
            Assert.That(problems, Is.Empty, string.Join("\n", problems));
        });
    }

    [Test]
    public void A_service_body_with_unmodelled_members_and_int64_strings_is_written_byte_for_byte_as_reflection_wrote_it()
    {
        var service = JsonSerializer.Deserialize<RunService>(File.ReadAllText(Mapping.Golden.PathOf("served-service.response.json")), Reflection)!;

        Assert.Multiple(() =>
        {
            Assert.That(service.Extra, Is.Not.Empty, "the golden answer carries members the records do not model");
            Assert.That(service.Generation, Is.EqualTo(4));
            Assert.That(JsonSerializer.Serialize(service, RunJson.Options), Is.EqualTo(JsonSerializer.Serialize(service, Reflection)));
            Assert.That(JsonSerializer.Serialize(service.ForWrite(), RunJson.Options), Is.EqualTo(JsonSerializer.Serialize(service.ForWrite(), Reflection)));
        });
    }
}
