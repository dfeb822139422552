using System.Text.Json.Nodes;
using Reconciler.Core.CloudRun;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// Seed 001 through <c>reconciler apply</c> on the examples: the Cloud Run hotfix and its rollback, with no
/// <c>gcloud run deploy</c> and no <c>update-traffic</c> typed by hand. The emulator fails revisions whose image
/// ends in <c>-unhealthy</c> (HEALTH_CHECK_CONTAINER_ERROR), as it fails ECS tasks.
/// </summary>
public sealed class ApplyCloudRunTests
{
    private const string File = "emergence-app.yaml";
    private const string Image = "emergence-app:v2025.10.11";
    private const string ServicePath = "v2/projects/emergence-469005/locations/europe-west1/services/emergence-app";

    [Test]
    public async Task A_hotfix_whose_revision_never_becomes_ready_is_rolled_back_to_the_last_known_good_revision_and_pinned()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var good = await ServiceAsync(scenario);
        var goodRevision = good["latestReadyRevision"]!.GetValue<string>().Split('/')[^1];
        scenario.Edit(File, Image, "emergence-app:v2025.10.12-unhealthy");

        var failed = await scenario.ApplyAsync();

        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Stderr, Does.Contain("CloudRunService/emergence-app: FAILED"));
        var row = failed.Stdout.Split('\n').Single(l => l.Contains("emergence-app "));
        Assert.That(row, Does.Contain("Degraded"), failed.ToString());
        var service = await ServiceAsync(scenario);
        var traffic = service["traffic"]!.AsArray();
        Assert.That(traffic, Has.Count.EqualTo(1), service.ToJsonString());
        Assert.That(traffic[0]!["revision"]!.GetValue<string>(), Is.EqualTo(goodRevision));
        Assert.That(traffic[0]!["percent"]!.GetValue<int>(), Is.EqualTo(100));
        var annotations = service["annotations"]!.AsObject();
        Assert.That(annotations[CloudRunAnnotations.LastKnownGood]!.GetValue<string>(), Is.EqualTo(goodRevision));
        Assert.That(annotations[CloudRunAnnotations.FailedFingerprint]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, "the failed spec is pinned");
        var writes = scenario.Writes();

        var again = await scenario.ApplyAsync();

        Assert.That(again.ExitCode, Is.EqualTo(1), again.ToString());
        Assert.That(again.Stderr, Does.Contain("reconciler retry emergence-app"));
        Assert.That(scenario.Writes(), Is.EqualTo(writes), "a pinned Cloud Run spec was deployed again");
    }

    [Test]
    public async Task A_fixing_commit_after_the_rollback_deploys_one_new_revision_that_becomes_the_last_known_good()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit(File, Image, "emergence-app:v2025.10.12-unhealthy");
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(1));
        scenario.Edit(File, "emergence-app:v2025.10.12-unhealthy", "emergence-app:v2025.10.13");
        var patchesBefore = scenario.Writes().GetValueOrDefault("services.patch");

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var service = await ServiceAsync(scenario);
        var ready = service["latestReadyRevision"]!.GetValue<string>().Split('/')[^1];
        Assert.That(service["template"]!["containers"]![0]!["image"]!.GetValue<string>(), Does.EndWith("emergence-app:v2025.10.13"));
        Assert.That(service["annotations"]![CloudRunAnnotations.LastKnownGood]!.GetValue<string>(), Is.EqualTo(ready));
        // As for ECS, the pin names the failed spec's fingerprint only: the fixed spec is not held by it.
        Assert.That(service["annotations"]![CloudRunAnnotations.FailedFingerprint]?.GetValue<string>(),
            Is.Not.EqualTo(service["annotations"]![CloudRunAnnotations.Fingerprint]!.GetValue<string>()));
        Assert.That(service["traffic"]![0]!["revision"]?.GetValue<string>() ?? "LATEST", Is.AnyOf(ready, "LATEST"));
        // The fixing patch, then the annotation recording the new last known-good.
        Assert.That(scenario.Writes().GetValueOrDefault("services.patch") - patchesBefore, Is.EqualTo(2));
    }

    private static async Task<JsonObject> ServiceAsync(EmulatorScenario scenario)
    {
        using var http = new HttpClient { BaseAddress = scenario.Host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "test");
        return JsonNode.Parse(await http.GetStringAsync(ServicePath))!.AsObject();
    }
}
