using System.Collections.Concurrent;
using Reconciler.Core.Health;
using Reconciler.Core.Verification;
using Reconciler.Engine.Status;
using Reconciler.Testing;
using Reconciler.Testing.Verification;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 12 on the emulator: after the platform says a rollout is ready, <c>spec.verify</c> decides. The service's
/// health endpoint is a real Kestrel on 127.0.0.1 answering what the story says: checks that pass complete the rollout
/// only after bakeTime; a check answering 500 rolls it back to the last known-good, Degraded with the evidence, and
/// the failed spec is not applied again until git changes.
/// </summary>
public sealed class VerificationScenarioTests
{
    private const string CloudRun = "CloudRunService";
    private const string App = "emergence-app";
    private const string Image = "emergence-app:v2025.10.11";
    private static readonly string AppYaml = File.ReadAllText(Path.Combine(RepoPaths.Examples, "emergence-app.yaml"));

    [Test]
    public async Task An_ECS_release_whose_check_answers_500_after_it_is_ready_is_rolled_back_and_pinned_and_a_passing_one_completes_after_the_bake()
    {
        await using var endpoint = await HealthEndpoint.StartAsync();
        await using var world = await DaemonHarness.StartAsync();
        var verify = VerifyBlock.Http(new Uri(endpoint.BaseUri, "health/readiness?td={taskDefinition}"));
        var messages = new ConcurrentQueue<string>();
        await world.PushAsync(WebManifest.Yaml("v1", verify: verify), "web v1");
        var good = await world.Daemon.WaitForAsync(WebManifest.Name, r =>
        {
            messages.Enqueue(r.Message);
            return r.LastKnownGood?.EndsWith("web:1") == true && r.Health == HealthStatus.Healthy;
        }, "v1 to pass verification");
        AssertCompletedAfterTheBake(good, messages);
        Assert.That(endpoint.Paths, Has.All.EqualTo("/health/readiness?td=web%3A1"), "the placeholder names the task definition under verification");

        endpoint.Status = 500;
        endpoint.Body = "{\"error\":\"Database connection is not available\"}";
        var bad = await world.PushAsync(WebManifest.Yaml("v2", verify: verify), "web v2: cannot reach its database");
        var degraded = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.DesiredRevision == bad && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry web"), "the failed verification to roll back and pin");

        var rollback = degraded.Events.Last(e => e.Reason == "RollBack");
        Assert.That(rollback.Message, Does.Contain("verification failed: check readiness failed 1 time").And.Contain("status 500, body: {\"error\":\"Database connection is not available\"}"));
        Assert.That(degraded.Verification!.Result, Is.EqualTo(VerificationStatus.Failed));
        Assert.That(degraded.Verification.Checks.Single().Evidence, Does.StartWith("status 500"));
        Assert.That(degraded.LastKnownGood, Does.EndWith("web:1"));
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"), "the cloud runs the last known-good again");
        await AssertNotRetriedOverResyncs(world, degraded, endpoint);
        await AssertShownOnStatusAndThePage(world);
    }

    [Test]
    public async Task A_Cloud_Run_release_whose_check_answers_500_after_it_is_ready_is_rolled_back_and_a_passing_one_completes_after_the_bake()
    {
        await using var endpoint = await HealthEndpoint.StartAsync();
        await using var world = await DaemonHarness.StartAsync();
        var verify = VerifyBlock.Http(new Uri(endpoint.BaseUri, "health/readiness?rev={revision}"));
        var messages = new ConcurrentQueue<string>();
        await world.PushAsync(AppYaml + verify, "emergence-app v2025.10.11");
        var good = await world.Daemon.WaitForAsync(App, r =>
        {
            messages.Enqueue(r.Message);
            return r.LastKnownGood is not null && r.Health == HealthStatus.Healthy;
        }, "the first revision to pass verification", CloudRun);
        AssertCompletedAfterTheBake(good, messages);
        Assert.That(endpoint.Paths, Has.All.EqualTo($"/health/readiness?rev={good.LastKnownGood}"), "the placeholder names the revision under verification");

        endpoint.Status = 500;
        endpoint.Body = "Database connection is not available";
        var bad = await world.PushAsync(AppYaml.Replace(Image, "emergence-app:v2025.10.12", StringComparison.Ordinal) + verify, "hotfix");
        var degraded = await world.Daemon.WaitForAsync(App,
            r => r.DesiredRevision == bad && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry emergence-app"), "the rollback and pin", CloudRun);

        Assert.That(degraded.Events.Last(e => e.Reason == "RollBack").Message,
            Does.Contain("verification failed").And.Contain("status 500, body: Database connection is not available"));
        Assert.That(degraded.LastKnownGood, Is.EqualTo(good.LastKnownGood), "traffic went back to the revision that was good");
        Assert.That(degraded.Verification!.Result, Is.EqualTo(VerificationStatus.Failed));
    }

    [Test]
    public async Task A_release_that_failed_verification_is_verified_afresh_on_reconciler_retry_and_completes_once_its_endpoint_recovers()
    {
        await using var endpoint = await HealthEndpoint.StartAsync();
        await using var world = await DaemonHarness.StartAsync();
        var verify = VerifyBlock.Http(new Uri(endpoint.BaseUri, "health"));
        await world.PushAsync(WebManifest.Yaml("v1", verify: verify), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to pass verification");
        endpoint.Status = 503;
        var bad = await world.PushAsync(WebManifest.Yaml("v2", verify: verify), "web v2");
        await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.DesiredRevision == bad && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry web"), "v2 to fail verification");

        endpoint.Status = 200;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.That(await Reconciler.Daemon.Commands.RetryCommand.RunAsync(world.Daemon.BaseUri.ToString(), null, WebManifest.Name, null, stdout, stderr, CancellationToken.None),
            Is.EqualTo(0), stderr.ToString());
        var retried = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood?.EndsWith("web:2") == true && r.Health == HealthStatus.Healthy, "the retried release to pass a fresh verification");
        Assert.That(retried.Verification!.Result, Is.EqualTo(VerificationStatus.Passed));
        Assert.That(retried.Verification.Checks.Single().Failures, Is.Zero, "the failed verification's results were not carried over");
    }

    [Test]
    public async Task A_daemon_stopped_mid_verification_is_resumed_by_a_new_one_with_the_same_start_and_no_result_counted_twice()
    {
        await using var endpoint = await HealthEndpoint.StartAsync();
        await using var world = await DaemonHarness.StartAsync();
        var verify = VerifyBlock.Http(new Uri(endpoint.BaseUri, "health"), bakeTime: "30m");
        await world.PushAsync(WebManifest.Yaml("v1", verify: verify), "web v1");
        var running = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Verification is { Result: VerificationStatus.Running, Checks: [{ Passes: >= 3 }] }, "verification to be under way");
        await world.RestartDaemonAsync();

        var resumed = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood?.EndsWith("web:1") == true && r.Health == HealthStatus.Healthy, "the new daemon to finish the verification");
        var recorded = VerificationTags.Decode(Tags(await world.Cloud.WebAsync()).GetValueOrDefault)!;
        Assert.Multiple(() =>
        {
            Assert.That(recorded.StartedAt, Is.EqualTo(running.Verification!.StartedAt), "resumed, not started over");
            Assert.That(resumed.Verification!.Result, Is.EqualTo(VerificationStatus.Passed));
            // A probe whose result was not yet recorded when the daemon stopped is run again, never counted twice.
            Assert.That(recorded.Checks[0].Passes, Is.InRange(endpoint.Paths.Count - 1, endpoint.Paths.Count));
            Assert.That(resumed.Events.Last(e => e.Reason == "Completed").At - recorded.StartedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(30)),
                "the bake counts from the first daemon's start");
        });
    }

    private static void AssertCompletedAfterTheBake(ResourceStatus good, IEnumerable<string> messages)
    {
        var completed = good.Events.Last(e => e.Reason == "Completed");
        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Some.StartsWith("verifying: readiness "), "Progressing with the verifying message while it ran");
            Assert.That(good.Verification!.Result, Is.EqualTo(VerificationStatus.Passed));
            Assert.That(completed.At - good.Verification.StartedAt, Is.GreaterThanOrEqualTo(VerifyBlock.BakeTime), "Completed only after bakeTime");
            Assert.That(completed.Message, Does.Contain("verified: readiness"));
        });
    }

    /// <summary>The failed verification with its evidence, on <c>/status</c> (JSON) and on the status page.</summary>
    private static async Task AssertShownOnStatusAndThePage(DaemonHarness world)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await world.Daemon.Http.GetStringAsync("status"));
        var web = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == WebManifest.Name);
        var verification = web.GetProperty("verification");
        Assert.That(verification.GetProperty("result").GetString(), Is.EqualTo("failed"));
        Assert.That(verification.GetProperty("checks")[0].GetProperty("evidence").GetString(), Does.StartWith("status 500, body: {\"error\""));
        var page = await world.Daemon.Http.GetStringAsync("");
        Assert.That(page, Does.Contain("readiness (http): ").And.Contain("1 failed").And.Contain("status 500, body: {&quot;error&quot;"));
    }

    /// <summary>Several resyncs later nothing was deployed or probed again: the failed spec is pinned until git changes.</summary>
    private static async Task AssertNotRetriedOverResyncs(DaemonHarness world, ResourceStatus degraded, HealthEndpoint endpoint)
    {
        var updates = world.Cloud.Count("UpdateService");
        var probes = endpoint.Paths.Count;
        var later = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastReconciledAt >= degraded.LastReconciledAt!.Value + (4 * new HarnessOptions().Resync), "four more resync cycles");
        Assert.That(world.Cloud.Count("UpdateService"), Is.EqualTo(updates), "no re-apply of the failed spec");
        Assert.That(endpoint.Paths.Count, Is.EqualTo(probes), "no more probes of a rolled-back release");
        Assert.That(later.Health, Is.EqualTo(HealthStatus.Degraded));
    }

    private static Dictionary<string, string> Tags(Platforms.Ecs.Wire.Ecs.Service service) =>
        (service.Tags ?? []).ToDictionary(t => t.Key, t => t.Value);
}
