using System.Collections.Concurrent;
using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// <c>reconciler apply</c> on the examples against the emulator: creates, then costs nothing, then changes exactly
/// what changed — also under throttling and across a process killed between two writes.
/// </summary>
public sealed class ApplyCommandTests
{
    private const string WorkerFile = "sandbox-broker.yaml";
    private const string Region = "eu-central-1";
    private const string Cluster = "sandbox-broker-cluster";
    private const string OldImage = "sandbox-broker-api:v2.3.0";
    private const string NewImage = "sandbox-broker-api:v2.4.0";

    [Test]
    public async Task Applying_the_examples_creates_every_ecs_service_with_its_desired_count_running_and_the_cloud_run_service_serving()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Stderr, Does.Not.Contain("not supported"));
        var row = run.Stdout.Split('\n').Single(l => l.Contains("emergence-app "));
        Assert.That(row, Does.Contain("CloudRunService").And.Contain("Synced").And.Contain("Healthy").And.Contain("rollout of emergence-app-").And.Contain("completed"));
        Assert.That(scenario.Writes().GetValueOrDefault("services.create"), Is.EqualTo(1), "one Cloud Run service created");
        await AssertRunningAsync(scenario, "eu-west-3", "plan-charge-prod", "plan-charge-prod-backend", 2);
        await AssertRunningAsync(scenario, Region, Cluster, "sandbox-broker", 2);
        await AssertRunningAsync(scenario, Region, Cluster, "sandbox-broker-worker", 1);
    }

    [Test]
    public async Task The_revision_given_to_apply_is_recorded_on_the_service_and_shown_in_the_status_table()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var run = await scenario.ApplyAsync(revision: "9f8e7d6c5b4a39281706");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var worker = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        Assert.That(worker.Tags!.Single(t => t.Key == Core.Ecs.TagKeys.GitRevision).Value, Is.EqualTo("9f8e7d6c5b4a39281706"));
        var row = run.Stdout.Split('\n').Single(l => l.Contains("sandbox-broker-worker "));
        Assert.That(row, Does.Contain("9f8e7d6c5b4a").And.Contain("Synced").And.Contain("Healthy"));
    }

    [Test]
    public async Task Applying_the_same_manifests_again_makes_no_write_call()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var before = scenario.Writes();

        var again = await scenario.ApplyAsync();

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(scenario.Writes(), Is.EqualTo(before), "the second apply wrote something");
    }

    [Test]
    public async Task Changing_one_image_registers_one_revision_and_updates_only_that_service()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var updated = RecordUpdatedServices(scenario);
        var before = scenario.Writes();
        scenario.Edit(WorkerFile, OldImage, NewImage, occurrence: 1);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var after = scenario.Writes();
        Assert.That(after.GetValueOrDefault("RegisterTaskDefinition") - before.GetValueOrDefault("RegisterTaskDefinition"), Is.EqualTo(1));
        Assert.That(after.GetValueOrDefault("UpdateService") - before.GetValueOrDefault("UpdateService"), Is.EqualTo(1));
        Assert.That(updated, Is.EqualTo(new[] { "sandbox-broker-worker" }));
        var worker = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        Assert.That(worker.TaskDefinition, Does.EndWith(":task-definition/sandbox-broker-worker:2"));
        Assert.That(worker.RunningCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_rollout_left_by_apply_no_wait_is_picked_up_and_completed_by_the_next_process()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit(WorkerFile, OldImage, NewImage, occurrence: 1);

        var started = await scenario.ApplyAsync(noWait: true);
        var inFlight = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        var resumed = await scenario.ApplyAsync();

        Assert.That(started.ExitCode, Is.EqualTo(0), started.ToString());
        Assert.That(TagOf(inFlight, Core.Ecs.TagKeys.LastKnownGood), Does.EndWith("sandbox-broker-worker:1"), "no-wait should not wait for completion");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        var done = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        Assert.That(TagOf(done, Core.Ecs.TagKeys.LastKnownGood), Does.EndWith("sandbox-broker-worker:2"));
        Assert.That(await scenario.RevisionsAsync(Region, "sandbox-broker-worker"), Has.Count.EqualTo(2));
    }

    private static ConcurrentQueue<string> RecordUpdatedServices(EmulatorScenario scenario)
    {
        var services = new ConcurrentQueue<string>();
        scenario.State.OnCall(call =>
        {
            if (call.Operation == "UpdateService")
            {
                services.Enqueue(call.Body["service"]?.GetValue<string>() ?? "?");
            }
            return CallDirective.Proceed;
        });
        return services;
    }

    private static string TagOf(Platforms.Ecs.Wire.Ecs.Service service, string key) =>
        service.Tags?.FirstOrDefault(t => t.Key == key)?.Value ?? "";

    private static async Task AssertRunningAsync(EmulatorScenario scenario, string region, string cluster, string name, int desired)
    {
        var service = await scenario.ServiceAsync(region, cluster, name);
        Assert.That((service.DesiredCount, service.RunningCount), Is.EqualTo((desired, desired)), name);
    }
}
