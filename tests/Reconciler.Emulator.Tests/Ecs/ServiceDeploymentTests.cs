using Reconciler.Emulator.Tests.Support;
using static Reconciler.Emulator.Tests.Support.EcsSteps;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>ListServiceDeployments / DescribeServiceDeployments: the history view of rollouts.</summary>
internal sealed class ServiceDeploymentTests : EmulatorTestBase
{
    [Test]
    public async Task A_rolled_back_deployment_is_listed_as_ROLLBACK_SUCCESSFUL_newest_first()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, Breaker(rollback: true));
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-unhealthy", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);
        AdvanceSeconds(30 * 60);

        var listed = await Aws.EcsOkAsync("ListServiceDeployments", new { service = "web" });
        var statuses = listed["serviceDeployments"]!.AsArray().Select(d => d.Text("status"));

        Assert.That(statuses, Is.EqualTo(new[] { "SUCCESSFUL", "ROLLBACK_SUCCESSFUL", "SUCCESSFUL" }));
    }

    [Test]
    public async Task Describing_a_failed_deployment_shows_the_tripped_breaker_and_the_rollback()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, Breaker(rollback: true));
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-unhealthy", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);
        AdvanceSeconds(30 * 60);
        var failedArn = (await Aws.EcsOkAsync("ListServiceDeployments", new { service = "web", status = new[] { "ROLLBACK_SUCCESSFUL" } }))
            ["serviceDeployments"]![0].Text("serviceDeploymentArn");

        var described = await Aws.EcsOkAsync("DescribeServiceDeployments", new { serviceDeploymentArns = new[] { failedArn, failedArn + "0" } });
        var deployment = described["serviceDeployments"]![0]!;

        Assert.That(deployment["deploymentCircuitBreaker"].Text("status"), Is.EqualTo("TRIGGERED"));
        Assert.That(deployment["deploymentCircuitBreaker"].Number("failureCount"), Is.GreaterThanOrEqualTo(3));
        Assert.That(deployment["rollback"]!["serviceRevisionArn"], Is.Not.Null);
        Assert.That(deployment["sourceServiceRevisions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(described["failures"]![0].Text("reason"), Is.EqualTo("MISSING"));
    }

    [Test]
    public async Task A_deployment_replaced_before_it_finished_is_STOPPED()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0-startup-200s", HealthCheck(startPeriod: 300));
        await Aws.CreateServiceAsync("web", v1, desiredCount: 1);
        AdvanceSeconds(30);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);

        var listed = await Aws.EcsOkAsync("ListServiceDeployments", new { service = "web" });

        Assert.That(listed["serviceDeployments"]!.AsArray().Select(d => d.Text("status")), Is.EqualTo(new[] { "IN_PROGRESS", "STOPPED" }));
    }
}
