using Reconciler.Core.Guardrails;
using Reconciler.Core.Outcomes;
using Reconciler.Daemon.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The write allow-lists end to end: a daemon told it may write only to another account (or region) reads the cloud,
/// writes nothing, and reports the resource Stalled with the value and the flag to change.
/// </summary>
public sealed class WriteAllowListScenarioTests
{
    private static Func<RunSettings, RunSettings> Allow(WriteScope scope, string value) =>
        s => s with { WriteAllowList = new WriteAllowList(new Dictionary<WriteScope, IReadOnlyList<string>> { [scope] = [value] }) };

    [Test]
    public async Task An_ecs_service_in_an_account_outside_the_allow_list_is_never_written_and_is_stalled_naming_the_account_and_flag()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Configure = Allow(WriteScope.AwsAccount, "111111111111") });
        var writes = world.Cloud.WriteCalls();

        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        var refused = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Conditions.Any(c => c.Type == "Stalled" && c.Status),
            "web to be refused by the allow-list");

        var stalled = refused.Conditions.Single(c => c.Type == "Stalled");
        Assert.That(stalled.Reason, Is.EqualTo(ReconcileOutcome.WriteRefused));
        Assert.That(stalled.Message, Does.Contain($"EcsService/web: AWS account {world.Emulator.State.Account} is not in --allow-aws-accounts (111111111111)"));
        Assert.That(world.Cloud.WriteCalls(), Is.EqualTo(writes), "not one write call");
        Assert.That(world.Cloud.Control.CallCount("DescribeClusters", CallOutcome.Received), Is.GreaterThan(0), "the account was read from the cloud");
        Assert.That(world.Cloud.Count("CreateService") + world.Cloud.Count("RegisterTaskDefinition"), Is.Zero);
    }

    [Test]
    public async Task A_cloud_run_service_in_a_region_outside_the_allow_list_is_never_written_and_is_stalled_naming_the_region_and_flag()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Examples, "emergence-app.yaml"));
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Configure = Allow(WriteScope.GcpRegion, "europe-west9") });

        await world.PushAsync(yaml, "emergence-app");
        var refused = await world.Daemon.WaitForAsync("emergence-app", r => r.Conditions.Any(c => c.Type == "Stalled" && c.Status),
            "emergence-app to be refused by the allow-list", "CloudRunService");

        var stalled = refused.Conditions.Single(c => c.Type == "Stalled");
        Assert.That(stalled.Reason, Is.EqualTo(ReconcileOutcome.WriteRefused));
        Assert.That(stalled.Message, Does.Contain("CloudRunService/emergence-app: GCP region europe-west1 is not in --allow-gcp-regions (europe-west9)"));
        Assert.That(world.Cloud.Control.CallCount("services.create") + world.Cloud.Control.CallCount("services.patch"), Is.Zero, "not one write call");
        // Received, not Succeeded: the emulator counts a success after its answer is written, so the daemon may be first.
        Assert.That(world.Cloud.Control.CallCount("services.list", CallOutcome.Received) + world.Cloud.Control.CallCount("services.get", CallOutcome.Received),
            Is.GreaterThan(0), "reading is fine");
    }
}
