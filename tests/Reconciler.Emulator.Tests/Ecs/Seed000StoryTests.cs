using Reconciler.Emulator.Tests.Support;
using static Reconciler.Emulator.Tests.Support.EcsSteps;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>
/// Seed 000 replayed: revision 5 is stable with startPeriod 60; a fix ships with startPeriod 0 and every new task
/// is killed by its health check before the app is up; the circuit breaker rolls back; the same image with
/// startPeriod 60 then deploys cleanly.
/// </summary>
internal sealed class Seed000StoryTests : EmulatorTestBase
{
    private const string Image = "557937909547.dkr.ecr.eu-west-3.amazonaws.com/plan-charge-backend:matricules-timezone-fix-v3-startup-90s";

    [Test]
    public async Task StartPeriod_0_rolls_back_to_the_stable_revision_and_startPeriod_60_then_deploys()
    {
        var stable = await Aws.RegisterAsync("plan-charge-prod-backend", "557937909547.dkr.ecr.eu-west-3.amazonaws.com/plan-charge-backend:latest-startup-45s", HealthCheck(startPeriod: 60));
        await Aws.CreateServiceAsync("backend", stable, desiredCount: 2, Breaker(rollback: true));
        AdvanceSeconds(5 * 60);

        var broken = await Aws.RegisterAsync("plan-charge-prod-backend", Image, HealthCheck(startPeriod: 0));
        await Aws.UpdateTaskDefinitionAsync("backend", broken);
        AdvanceSeconds(20 * 60);
        var afterRollback = await Aws.ServiceAsync("backend");

        Assert.That(afterRollback.Text("taskDefinition"), Is.EqualTo(stable), "ECS rolled back to the stable revision");
        Assert.That(afterRollback.Number("runningCount"), Is.EqualTo(2), "the service stayed up throughout");
        Assert.That((await Aws.TasksAsync("backend", "STOPPED")).Where(t => t.Text("taskDefinitionArn") == broken).Select(t => t.Text("stoppedReason")).Distinct(),
            Is.EqualTo(new[] { "Task failed container health checks" }));

        var fixedRevision = await Aws.RegisterAsync("plan-charge-prod-backend", Image, HealthCheck(startPeriod: 60));
        await Aws.UpdateTaskDefinitionAsync("backend", fixedRevision);
        AdvanceSeconds(10 * 60);
        var fixedService = await Aws.ServiceAsync("backend");

        Assert.That(fixedService.Primary().Text("taskDefinition"), Is.EqualTo(fixedRevision));
        Assert.That(fixedService.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(fixedService.EventMessages()[0], Is.EqualTo("(service backend) has reached a steady state."));
    }
}
