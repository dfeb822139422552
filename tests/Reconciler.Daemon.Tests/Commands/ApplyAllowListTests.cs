using Reconciler.Core.Guardrails;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// <c>reconciler apply</c> and <c>diff</c> with <c>--allow-aws-regions</c>: the resource in another region is refused
/// before any write (apply fails naming it), the others are applied, and diff shows the plan marked refused.
/// </summary>
public sealed class ApplyAllowListTests
{
    private static readonly WriteAllowList CentralOnly = new(new Dictionary<WriteScope, IReadOnlyList<string>> { [WriteScope.AwsRegion] = ["eu-central-1"] });

    [Test]
    public async Task Apply_refuses_the_service_outside_the_allowed_regions_before_any_write_and_applies_the_rest()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var apply = await scenario.ApplyAsync(allowList: CentralOnly);

        Assert.That(apply.ExitCode, Is.EqualTo(1), apply.ToString());
        Assert.That(apply.Stderr, Does.Contain(
            "EcsService/plan-charge-prod-backend: FAILED: write refused: EcsService/plan-charge-prod-backend: AWS region eu-west-3 is not in --allow-aws-regions (eu-central-1)"));
        Assert.That(apply.Stderr, Does.Not.Contain("EcsService/sandbox-broker: FAILED"));
        Assert.That(scenario.Writes()["CreateService"], Is.EqualTo(2), "the two eu-central-1 services, not the eu-west-3 one");
        Assert.That(scenario.Writes()["RegisterTaskDefinition"], Is.EqualTo(2), "no task definition for the refused service either");
    }

    [Test]
    public async Task Diff_shows_the_plan_of_a_refused_service_and_marks_it_refused()
    {
        await using var scenario = await EmulatorScenario.StartAsync();

        var diff = await scenario.DiffAsync(allowList: CentralOnly);

        Assert.That(diff.ExitCode, Is.EqualTo(2), diff.ToString());
        var lines = diff.Stdout.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("EcsService/plan-charge-prod-backend: Missing", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0), diff.Stdout);
        var block = lines.Skip(start + 1).TakeWhile(l => l.StartsWith(' ')).ToList();
        Assert.That(block, Has.Some.StartsWith("  plan: RegisterTaskDefinition"));
        Assert.That(block, Has.Some.StartsWith("  refused: write refused: EcsService/plan-charge-prod-backend: AWS region eu-west-3"));
        Assert.That(diff.Stdout, Does.Not.Contain("refused: write refused: EcsService/sandbox-broker"));
        Assert.That(scenario.Writes(), Is.Empty, "diff wrote something");
    }
}
