using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// The image change of the examples under a hostile cloud: throttling, dropped connections, 5xx, lost answers, and a
/// process killed between RegisterTaskDefinition and UpdateService. It converges, and never with a second revision.
/// </summary>
public sealed class ApplyResilienceTests
{
    private const string WorkerFile = "sandbox-broker.yaml";
    private const string Region = "eu-central-1";
    private const string Cluster = "sandbox-broker-cluster";
    private const string OldImage = "sandbox-broker-api:v2.3.0";
    private const string NewImage = "sandbox-broker-api:v2.4.0";

    [Test]
    public async Task Under_20_percent_throttling_the_image_change_converges_without_a_duplicate_revision()
    {
        await using var scenario = await EmulatorScenario.StartAsync(faults: new FaultOptions { ThrottleRate = 0.2 });
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit(WorkerFile, OldImage, NewImage, occurrence: 1);
        // The 20 % is random and batching leaves few read calls (17 in one CI run, none throttled: 0.8^17 ≈ 2 %), so
        // the first DescribeServices of this run is always throttled too: the run certainly meets throttling.
        var throttled = 0;
        scenario.State.OnCall(call => call.Operation == "DescribeServices" && Interlocked.Increment(ref throttled) == 1
            ? CallDirective.Fail("ThrottlingException", "Rate exceeded")
            : CallDirective.Proceed);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(scenario.State.CallCount("ListTaskDefinitions") + scenario.State.CallCount("DescribeServices"),
            Is.GreaterThan(scenario.State.CallCount("ListTaskDefinitions", Emulator.Wire.CallOutcome.Succeeded)
                + scenario.State.CallCount("DescribeServices", Emulator.Wire.CallOutcome.Succeeded)), "no call was throttled");
        scenario.State.Faults = FaultOptions.None;
        Assert.That(await scenario.RevisionsAsync(Region, "sandbox-broker-worker"), Has.Count.EqualTo(2));
        Assert.That(await scenario.RevisionsAsync(Region, "sandbox-broker"), Has.Count.EqualTo(1));
        Assert.That(await scenario.RevisionsAsync("eu-west-3", "plan-charge-prod-backend"), Has.Count.EqualTo(1));
        var worker = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        Assert.That(worker.TaskDefinition, Does.EndWith("sandbox-broker-worker:2"));
    }

    [Test]
    public async Task Under_dropped_connections_and_server_errors_the_image_change_converges_without_a_duplicate_revision()
    {
        await using var scenario = await EmulatorScenario.StartAsync(faults: new FaultOptions { DropRate = 0.1, ErrorRate = 0.1 });
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit(WorkerFile, OldImage, NewImage, occurrence: 1);
        var lostAnswers = 0;
        scenario.State.OnCall(call => call.Operation == "RegisterTaskDefinition" && Interlocked.Increment(ref lostAnswers) == 1
            ? CallDirective.DropAfterApplying
            : CallDirective.Proceed);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(lostAnswers, Is.GreaterThanOrEqualTo(1));
        scenario.State.Faults = FaultOptions.None;
        Assert.That(await scenario.RevisionsAsync(Region, "sandbox-broker-worker"), Has.Count.EqualTo(2));
        Assert.That((await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker")).TaskDefinition, Does.EndWith("sandbox-broker-worker:2"));
    }

    [Test]
    public async Task A_process_killed_between_register_and_update_leaves_one_revision_that_the_next_run_deploys()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit(WorkerFile, OldImage, NewImage, occurrence: 1);
        var kill = new KillAfter("RegisterTaskDefinition");
        scenario.State.AddHook(kill);

        var killed = await scenario.ApplyAsync();

        Assert.That(killed.ExitCode, Is.Not.EqualTo(0), "the first run should have failed: " + killed);
        Assert.That(await RevisionsWithoutHookAsync(scenario, kill), Has.Count.EqualTo(2), "the killed run registered its revision");
        var restarted = await scenario.ApplyAsync();

        Assert.That(restarted.ExitCode, Is.EqualTo(0), restarted.ToString());
        Assert.That(await scenario.RevisionsAsync(Region, "sandbox-broker-worker"), Has.Count.EqualTo(2), "a second revision was registered");
        var worker = await scenario.ServiceAsync(Region, Cluster, "sandbox-broker-worker");
        Assert.That(worker.TaskDefinition, Does.EndWith("sandbox-broker-worker:2"));
    }

    private static async Task<IReadOnlyList<string>> RevisionsWithoutHookAsync(EmulatorScenario scenario, KillAfter kill)
    {
        kill.Revive();
        return await scenario.RevisionsAsync(Region, "sandbox-broker-worker");
    }
}
