using static Reconciler.Daemon.Tests.Commands.ScenarioManifests;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// SSM references through <c>reconciler apply</c>: String values become literals, a SecureString only ever becomes a
/// <c>valueFrom</c> ARN, a bad reference fails its own resource only — and the secret value is never printed or logged.
/// </summary>
public sealed class ApplySsmTests
{
    private const string SecretPath = "/apps/db-password";
    private const string SecretValue = "hunter2-Zq8-DISTINCTIVE-secret";

    [Test]
    public async Task A_missing_parameter_fails_only_its_resource_and_names_the_parameter()
    {
        var yaml = Service("good", environment: ["LOG_LEVEL: {ssm: /apps/log-level}"])
            + Service("broken", environment: ["FLAGS: {ssm: /apps/does-not-exist}"]);
        await using var scenario = await StartAsync(yaml);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Match(@"EcsService/broken: FAILED: .*SSM parameter.*/apps/does-not-exist"));
        Assert.That(run.Stderr, Does.Not.Contain("EcsService/good: FAILED"));
        var good = await scenario.ServiceAsync(Region, Cluster, "good");
        Assert.That(good.RunningCount, Is.EqualTo(1));
        var td = await scenario.TaskDefinitionAsync(Region, good.TaskDefinition!);
        Assert.That(td.ContainerDefinitions![0].Environment!.Single(e => e.Name == "LOG_LEVEL").Value, Is.EqualTo("debug"));
    }

    [Test]
    public async Task A_changed_string_parameter_is_a_diff_and_the_next_apply_deploys_its_new_value()
    {
        await using var scenario = await StartAsync(Service("good", environment: ["LOG_LEVEL: {ssm: /apps/log-level}"]));
        Assert.That((await scenario.ApplyAsync()).ExitCode, Is.EqualTo(0));
        scenario.State.PutParameter("/apps/log-level", "String", "trace", Region);

        var diff = await scenario.DiffAsync();
        var apply = await scenario.ApplyAsync();

        Assert.That(diff.ExitCode, Is.EqualTo(2), diff.ToString());
        // Environment values are redacted by default: the field and a short hash of each side show the change.
        Assert.That(diff.Stdout, Does.Match(@"taskDefinition\.containers\[app\]\.environment\[LOG_LEVEL\]: \(redacted [0-9a-f]{8}\) -> \(redacted [0-9a-f]{8}\)"));
        Assert.That(diff.Stdout, Does.Not.Contain("trace"));
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.ToString());
        var good = await scenario.ServiceAsync(Region, Cluster, "good");
        var td = await scenario.TaskDefinitionAsync(Region, good.TaskDefinition!);
        Assert.That(td.ContainerDefinitions![0].Environment!.Single(e => e.Name == "LOG_LEVEL").Value, Is.EqualTo("trace"));
        Assert.That(good.TaskDefinition, Does.EndWith("good:2"));
    }

    [TestCase("image", "spec.taskDefinition.containers[app].image", TestName = "A SecureString used as the image is refused with a message naming the field")]
    [TestCase("environment", "spec.taskDefinition.containers[app].environment.PASSWORD",
        TestName = "A SecureString used in the environment is refused with a message naming the field")]
    public async Task A_secure_string_as_a_plain_value_is_refused(string usage, string field)
    {
        var yaml = usage == "image"
            ? Service("leaky", image: $"{{ssm: {SecretPath}}}")
            : Service("leaky", environment: [$"PASSWORD: {{ssm: {SecretPath}}}"]);
        await using var scenario = await StartAsync(yaml);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain($"EcsService/leaky: FAILED: "));
        Assert.That(run.Stderr, Does.Contain($"{field}: {{ssm: {SecretPath}}} is a SecureString"));
        Assert.That(run.Stderr, Does.Contain("may only be used under 'secrets'"));
        Assert.That(scenario.Writes(), Is.Empty, "nothing may be registered with a secret in it");
        AssertNoSecretIn(scenario);
    }

    [Test]
    public async Task A_secure_string_under_secrets_becomes_a_value_from_arn_and_its_value_appears_nowhere()
    {
        await using var scenario = await StartAsync(Service("api", secrets: [$"DB_PASSWORD: {{ssmParameter: {SecretPath}}}"]));

        var apply = await scenario.ApplyAsync();
        var diff = await scenario.DiffAsync();

        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.ToString());
        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.ToString());
        var service = await scenario.ServiceAsync(Region, Cluster, "api");
        var td = await scenario.TaskDefinitionAsync(Region, service.TaskDefinition!);
        var secret = td.ContainerDefinitions![0].Secrets!.Single();
        Assert.That(secret.ValueFrom, Is.EqualTo($"arn:aws:ssm:{Region}:{scenario.State.Account}:parameter{SecretPath}"));
        Assert.That(System.Text.Json.JsonSerializer.Serialize(td), Does.Not.Contain(SecretValue));
        AssertNoSecretIn(scenario);
    }

    [Test]
    public async Task A_secret_given_as_a_parameter_arn_is_used_as_is()
    {
        var arn = $"arn:aws:ssm:{Region}:000000000000:parameter{SecretPath}";
        await using var scenario = await StartAsync(Service("api", secrets: [$"DB_PASSWORD: {{ssmParameter: \"{arn}\"}}"]));

        var apply = await scenario.ApplyAsync();
        var diff = await scenario.DiffAsync();

        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.ToString());
        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.ToString());
        var service = await scenario.ServiceAsync(Region, Cluster, "api");
        var td = await scenario.TaskDefinitionAsync(Region, service.TaskDefinition!);
        Assert.That(td.ContainerDefinitions![0].Secrets!.Single().ValueFrom, Is.EqualTo(arn));
        AssertNoSecretIn(scenario);
    }

    [Test]
    public async Task A_missing_cluster_is_a_clear_error_for_that_resource_only()
    {
        var yaml = Service("good") + Service("lost", cluster: "no-such-cluster");
        await using var scenario = await StartAsync(yaml, seedClusters: false);
        scenario.State.CreateCluster(Cluster, Region);

        var run = await scenario.ApplyAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Match(@"EcsService/lost: FAILED: cluster 'no-such-cluster' not found .*create them with your infrastructure code"));
        Assert.That((await scenario.ServiceAsync(Region, Cluster, "good")).RunningCount, Is.EqualTo(1));
    }

    private static async Task<EmulatorScenario> StartAsync(string yaml, bool seedClusters = true)
    {
        var scenario = await EmulatorScenario.StartAsync(yaml, seed: seedClusters);
        scenario.State.PutParameter("/apps/log-level", "String", "debug", Region);
        scenario.State.PutParameter(SecretPath, "SecureString", SecretValue, Region);
        return scenario;
    }

    private static void AssertNoSecretIn(EmulatorScenario scenario)
    {
        Assert.That(scenario.Output, Is.Not.Empty);
        Assert.That(scenario.Output.Where(line => line.Contains(SecretValue, StringComparison.Ordinal)), Is.Empty);
    }
}
