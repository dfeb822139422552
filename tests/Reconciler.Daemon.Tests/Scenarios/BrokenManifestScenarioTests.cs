using System.Text.Json;
using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Issue 4, story 4: a broken manifest pushed over a working one changes nothing in the cloud and is reported with file:line.</summary>
public sealed class BrokenManifestScenarioTests
{
    private static IEnumerable<TestCaseData> BrokenFiles()
    {
        yield return new TestCaseData(WebManifest.Yaml("v2").Replace("desiredCount: 2", "desiredCount: [2"), "services/web.yaml:")
            .SetName("a YAML syntax error keeps the last good version and is reported with its file");
        yield return new TestCaseData(WebManifest.Yaml("v2").Replace("desiredCount: 2", "desiredCount: two"), "services/web.yaml:8:")
            .SetName("a wrong field type keeps the last good version and is reported with its file and line");
    }

    [TestCaseSource(nameof(BrokenFiles))]
    public async Task A_broken_manifest_changes_nothing_and_is_reported_on_status(string brokenYaml, string location)
    {
        await using var world = await DaemonHarness.StartAsync();
        var good = await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        var before = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "v1 to converge");
        var writes = world.Cloud.WriteCalls();

        var broken = await world.PushAsync(brokenYaml, "web v2 with a typo");
        var loadedAt = world.Daemon.Status.Source.LastFetchAt!.Value;
        // A reconcile that began before the broken snapshot was loaded can end after it with the old entry (at speed 600
        // three resyncs are 150 ms of wall time, which a loaded machine can spend inside one reconcile): wait for
        // reconciles of the broken revision's entry, three resyncs after it was loaded.
        var after = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Message.Contains("services/web.yaml is broken", StringComparison.Ordinal) && r.LastReconciledAt >= loadedAt + (3 * new HarnessOptions().Resync),
            "three resyncs on the broken revision, reported as broken");

        Assert.That(world.Cloud.WriteCalls(), Is.EqualTo(writes), "no write call reached the cloud");
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"));
        Assert.That(after.DesiredRevision, Is.EqualTo(good), "the resource keeps its last good version");
        Assert.That((after.Sync, after.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
        Assert.That(after.Message, Does.Contain("services/web.yaml is broken"));
        using var status = JsonDocument.Parse(await world.Daemon.Http.GetStringAsync("/status"));
        var source = status.RootElement.GetProperty("source");
        Assert.That(source.GetProperty("revision").GetString(), Is.EqualTo(broken));
        var errors = source.GetProperty("manifestErrors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.That(errors, Has.Count.GreaterThanOrEqualTo(1));
        Assert.That(errors[0], Does.StartWith(location), "errors name the file in the repository, not the daemon's cache");
    }
}
