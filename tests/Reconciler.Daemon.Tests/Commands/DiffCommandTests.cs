namespace Reconciler.Daemon.Tests.Commands;

/// <summary><c>reconciler diff --exit-code</c> on the examples: a gate CI can use to catch a merged but undeployed fix (seed 003).</summary>
public sealed class DiffCommandTests
{
    [Test]
    public async Task Diff_exits_0_when_the_cloud_matches_the_manifests()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var writes = scenario.Writes();

        var diff = await scenario.DiffAsync();

        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.ToString());
        Assert.That(diff.Stdout, Does.Contain("EcsService/sandbox-broker-worker: Synced"));
        Assert.That(scenario.Writes(), Is.EqualTo(writes), "diff wrote something");
    }

    [Test]
    public async Task Diff_exits_2_and_shows_the_field_path_with_old_and_new_value_when_an_image_changed()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        var writes = scenario.Writes();
        scenario.Edit("sandbox-broker.yaml", "sandbox-broker-api:v2.3.0", "sandbox-broker-api:v2.4.0", occurrence: 1);

        var diff = await scenario.DiffAsync();

        Assert.That(diff.ExitCode, Is.EqualTo(2), diff.ToString());
        Assert.That(diff.Stdout, Does.Contain("EcsService/sandbox-broker-worker: OutOfSync"));
        Assert.That(diff.Stdout, Does.Match(
            @"taskDefinition\.containers\[worker\]\.image: \S+sandbox-broker-api:v2\.3\.0 -> \S+sandbox-broker-api:v2\.4\.0"));
        Assert.That(diff.Stdout, Does.Contain("plan: RegisterTaskDefinition, UpdateService"));
        Assert.That(diff.Stdout, Does.Contain("EcsService/sandbox-broker: Synced"));
        Assert.That(scenario.Writes(), Is.EqualTo(writes), "diff wrote something");
    }

    [Test]
    public async Task Diff_without_exit_code_exits_0_even_when_something_differs()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var diff = await scenario.DiffAsync(exitCode: false);

        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.ToString());
        Assert.That(diff.Stdout, Does.Contain("EcsService/sandbox-broker: Missing"));
    }

    [Test]
    public async Task Diff_reports_a_cloud_run_service_not_yet_deployed_as_Missing_with_the_create_in_its_plan()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var diff = await scenario.DiffAsync();

        Assert.That(diff.ExitCode, Is.EqualTo(2), diff.ToString());
        Assert.That(diff.Stdout, Does.Contain("CloudRunService/emergence-app: Missing"));
        Assert.That(diff.Stdout, Does.Contain("plan: CreateCloudRunService"));
        Assert.That(diff.Stdout, Does.Not.Contain("not supported"));
        Assert.That(scenario.Writes(), Is.Empty, "diff wrote something");
    }

    [Test]
    public async Task Diff_shows_a_changed_cloud_run_image_as_one_field_and_a_patch_and_writes_nothing()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        Assert.That((await scenario.DiffAsync()).Stdout, Does.Contain("CloudRunService/emergence-app: Synced"));
        var writes = scenario.Writes();
        scenario.Edit("emergence-app.yaml", "emergence-app:v2025.10.11", "emergence-app:v2025.10.12");

        var diff = await scenario.DiffAsync();

        Assert.That(diff.ExitCode, Is.EqualTo(2), diff.ToString());
        Assert.That(diff.Stdout, Does.Contain("CloudRunService/emergence-app: OutOfSync [Healthy] (1 change)"));
        Assert.That(diff.Stdout, Does.Match(@"template\.containers\[app\]\.image: \S+emergence-app:v2025\.10\.11 -> \S+emergence-app:v2025\.10\.12"));
        Assert.That(diff.Stdout, Does.Contain("plan: PatchCloudRunService"));
        Assert.That(scenario.Writes(), Is.EqualTo(writes), "diff wrote something");
    }

    [Test]
    public async Task The_plan_diff_prints_is_exactly_the_writes_apply_then_makes()
    {
        await using var scenario = await EmulatorScenario.StartAsync();
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.Edit("sandbox-broker.yaml", "sandbox-broker-api:v2.3.0", "sandbox-broker-api:v2.4.0", occurrence: 1);
        var diff = await scenario.DiffAsync();
        var planned = diff.Stdout.Split('\n').Where(l => l.StartsWith("  plan: ", StringComparison.Ordinal))
            .SelectMany(l => l["  plan: ".Length..].Split(", ")).Order(StringComparer.Ordinal).ToList();
        var before = scenario.Writes();

        // --no-wait: one pass, the one diff showed (waiting adds the later pass recording the last known-good).
        Assert.That((await scenario.ApplyAsync(noWait: true)).ExitCode, Is.EqualTo(0));

        var written = scenario.Writes().SelectMany(w => Enumerable.Repeat(w.Key, w.Value - before.GetValueOrDefault(w.Key))).Order(StringComparer.Ordinal);
        Assert.That(planned, Is.EqualTo(new[] { "RegisterTaskDefinition", "TagResource", "UpdateService" }), diff.Stdout);
        Assert.That(written, Is.EqualTo(planned));
    }
}
