using Reconciler.Core.Ecs;
using static Reconciler.Daemon.Tests.Commands.ScenarioManifests;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// Failed rollouts through <c>reconciler apply</c>: deploys → fails → rolls back to the last known-good → pins the
/// failed spec so the next run does not loop → reports it. Images ending in -crash/-unhealthy fail in the emulator.
/// </summary>
public sealed class ApplyRollbackTests
{
    private const string Good = "\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1.0.0\"";
    private const string Crashing = "\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1.1.0-crash\"";

    [Test]
    public async Task A_rollout_the_circuit_breaker_rolls_back_is_reported_failed_pinned_and_not_retried()
    {
        var breaker = "  deployment:\n    circuitBreaker: {enable: true, rollback: true}\n";
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good, spec: breaker));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        await File.WriteAllTextAsync(Path.Combine(scenario.Manifests, "manifests.yaml"), Service("app", Crashing, spec: breaker));

        var failed = await scenario.ApplyAsync();

        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Stderr, Does.Contain("EcsService/app: FAILED: rollout of").And.Contain("app:2"));
        var settled = await scenario.SettleAsync(Region, Cluster, "app");
        Assert.That(settled.TaskDefinition, Does.EndWith("app:1"));
        Assert.That(Tag(settled, TagKeys.FailedFingerprint), Is.Not.Empty, "the failed spec is pinned");
        var writes = scenario.Writes();

        var again = await scenario.ApplyAsync();

        Assert.That(again.ExitCode, Is.EqualTo(1), again.ToString());
        Assert.That(again.Stderr, Does.Contain("reconciler retry app"));
        Assert.That(scenario.Writes(), Is.EqualTo(writes), "a pinned spec was applied again");
    }

    [Test]
    public async Task A_fix_committed_after_a_pinned_failure_is_deployed_and_becomes_the_last_known_good()
    {
        var breaker = "  deployment:\n    circuitBreaker: {enable: true, rollback: true}\n";
        const string Fixed = "\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1.1.1\"";
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good, spec: breaker));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        await File.WriteAllTextAsync(Path.Combine(scenario.Manifests, "manifests.yaml"), Service("app", Crashing, spec: breaker));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(1));
        await scenario.SettleAsync(Region, Cluster, "app");
        await File.WriteAllTextAsync(Path.Combine(scenario.Manifests, "manifests.yaml"), Service("app", Fixed, spec: breaker));

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var service = await scenario.ServiceAsync(Region, Cluster, "app");
        Assert.That(service.TaskDefinition, Does.EndWith("app:3"));
        Assert.That(Tag(service, TagKeys.LastKnownGood), Does.EndWith("app:3"));
        Assert.That(service.RunningCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_rollout_without_a_breaker_is_rolled_back_by_reconciler_at_its_progress_deadline()
    {
        var deadline = "  deployment:\n    progressDeadline: 3m\n";
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good, spec: deadline));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        await File.WriteAllTextAsync(Path.Combine(scenario.Manifests, "manifests.yaml"), Service("app", Crashing, spec: deadline));

        var failed = await scenario.ApplyAsync();

        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Stderr, Does.Contain("rolling back to the last known-good").And.Contain("app:1"));
        var settled = await scenario.SettleAsync(Region, Cluster, "app");
        Assert.That(settled.TaskDefinition, Does.EndWith("app:1"));
        Assert.That(Tag(settled, TagKeys.LastKnownGood), Does.EndWith("app:1"));
        Assert.That(await scenario.RevisionsAsync(Region, "app"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task With_automatic_rollback_off_a_failed_rollout_is_pinned_and_left_in_place()
    {
        var manual = "  deployment:\n    progressDeadline: 3m\n  rollback:\n    automatic: false\n";
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good, spec: manual));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        await File.WriteAllTextAsync(Path.Combine(scenario.Manifests, "manifests.yaml"), Service("app", Crashing, spec: manual));

        var failed = await scenario.ApplyAsync();

        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Stderr, Does.Contain("automatic rollback is off"));
        var service = await scenario.ServiceAsync(Region, Cluster, "app");
        Assert.That(service.TaskDefinition, Does.EndWith("app:2"), "nothing was rolled back");
        Assert.That(Tag(service, TagKeys.FailedFingerprint), Is.Not.Empty);
    }

    [Test]
    public async Task With_self_heal_off_a_change_made_in_the_manifests_is_still_applied_by_the_next_apply()
    {
        var noSelfHeal = "  syncPolicy:\n    selfHeal: false\n";
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good, spec: noSelfHeal));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit("manifests.yaml", "app:v1.0.0", "app:v1.0.1");

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var service = await scenario.ServiceAsync(Region, Cluster, "app");
        Assert.That(service.TaskDefinition, Does.EndWith("app:2"));
        Assert.That(service.Tags!.Select(t => t.Key), Does.Not.Contain(TagKeys.GitRevision), "no revision was given, so none is recorded");
    }

    [Test]
    public async Task A_scale_only_change_updates_the_count_without_a_new_revision()
    {
        await using var scenario = await EmulatorScenario.StartAsync(Service("app", Good));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var before = scenario.Writes();
        scenario.Edit("manifests.yaml", "desiredCount: 1", "desiredCount: 3");

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var after = scenario.Writes();
        Assert.That(after.GetValueOrDefault("RegisterTaskDefinition"), Is.EqualTo(before.GetValueOrDefault("RegisterTaskDefinition")));
        Assert.That(after["UpdateService"] - before.GetValueOrDefault("UpdateService"), Is.EqualTo(1));
        var service = await scenario.ServiceAsync(Region, Cluster, "app");
        Assert.That((service.DesiredCount, service.RunningCount, service.TaskDefinition), Is.EqualTo((3, 3, service.TaskDefinition)));
        Assert.That(service.TaskDefinition, Does.EndWith("app:1"));
    }

    private static string Tag(Platforms.Ecs.Wire.Ecs.Service service, string key) =>
        service.Tags?.FirstOrDefault(t => t.Key == key)?.Value ?? "";
}
