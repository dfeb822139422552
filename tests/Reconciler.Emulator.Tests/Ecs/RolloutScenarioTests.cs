using Reconciler.Emulator.Tests.Support;
using static Reconciler.Emulator.Tests.Support.EcsSteps;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>Rollouts as stories: register, deploy, let simulated time pass, look at what ECS would show.</summary>
internal sealed class RolloutScenarioTests : EmulatorTestBase
{
    [Test]
    public async Task A_healthy_image_rolls_out_from_IN_PROGRESS_to_COMPLETED_with_running_equal_to_desired()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        var created = await Aws.CreateServiceAsync("web", v1, desiredCount: 2);
        Assert.That(created.Primary().Text("rolloutState"), Is.EqualTo("IN_PROGRESS"));
        Assert.That(created.Number("pendingCount"), Is.EqualTo(2));

        AdvanceSeconds(120);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(service.Number("runningCount"), Is.EqualTo(2));
        Assert.That(service.Number("pendingCount"), Is.EqualTo(0));
        Assert.That(service.EventMessages()[0], Is.EqualTo("(service web) has reached a steady state."));
        Assert.That(service.EventMessages(), Has.Some.StartsWith("(service web) has started 2 tasks: (task "));
    }

    [Test]
    public async Task A_new_task_definition_starts_a_PRIMARY_deployment_while_the_old_one_drains_as_ACTIVE()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2);
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0", HealthCheck());

        var updating = await Aws.UpdateTaskDefinitionAsync("web", v2);
        var statuses = updating["deployments"]!.AsArray().Select(d => (d.Text("status"), d.Text("taskDefinition"), d.Text("rolloutState"))).ToList();
        Assert.That(statuses, Is.EqualTo(new[] { ("PRIMARY", v2, "IN_PROGRESS"), ("ACTIVE", v1, "COMPLETED") }));

        AdvanceSeconds(120);
        var done = await Aws.ServiceAsync("web");
        Assert.That(done["deployments"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(done.Primary().Text("taskDefinition"), Is.EqualTo(v2));
        Assert.That(done.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(done.Number("runningCount"), Is.EqualTo(2));
        var stopped = await Aws.TasksAsync("web", "STOPPED");
        Assert.That(stopped.Select(t => t.Text("taskDefinitionArn")), Is.EqualTo(new[] { v1, v1 }));
    }

    [Test]
    public async Task An_unhealthy_image_with_circuit_breaker_and_rollback_fails_and_ECS_rolls_back_to_the_previous_task_definition()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, Breaker(rollback: true));
        AdvanceSeconds(120);
        var completedId = (await Aws.ServiceAsync("web")).Primary().Text("id");
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-unhealthy", HealthCheck());

        var failingId = (await Aws.UpdateTaskDefinitionAsync("web", v2)).Primary().Text("id");
        AdvanceSeconds(30 * 60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Text("taskDefinition"), Is.EqualTo(v1));
        Assert.That(service.Primary().Text("taskDefinition"), Is.EqualTo(v1));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(service.Primary().Text("id"), Is.Not.EqualTo(completedId), "the rollback is a new deployment");
        Assert.That(service.EventMessages(), Does.Contain($"(service web) (deployment {failingId}) deployment failed: tasks failed to start."));
        Assert.That(service.EventMessages(), Does.Contain($"(service web) rolling back to deployment {completedId}."));
        var stopped = await Aws.TasksAsync("web", "STOPPED");
        Assert.That(stopped.Where(t => t.Text("taskDefinitionArn") == v2).Select(t => t.Text("stoppedReason")).Distinct(),
            Is.EqualTo(new[] { "Task failed container health checks" }));
    }

    [Test]
    public async Task Right_after_the_breaker_trips_the_failed_deployment_shows_FAILED_beside_the_rollback_PRIMARY()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, Breaker(rollback: true));
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-unhealthy", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);

        // Two tasks fail after 10 s provisioning + 3 × 30 s checks, their replacements 100 s later: 4 ≥ threshold 3.
        AdvanceSeconds(200);
        var service = await Aws.ServiceAsync("web");

        var failed = service["deployments"]!.AsArray().Single(d => d.Text("taskDefinition") == v2);
        Assert.That(failed.Text("rolloutState"), Is.EqualTo("FAILED"));
        Assert.That(failed.Text("status"), Is.EqualTo("ACTIVE"));
        Assert.That(failed.Number("failedTasks"), Is.GreaterThanOrEqualTo(3));
        Assert.That(service.Primary().Text("taskDefinition"), Is.EqualTo(v1));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("IN_PROGRESS"));
    }

    [Test]
    public async Task Without_the_circuit_breaker_failing_tasks_are_replaced_forever_and_the_rollout_stays_IN_PROGRESS()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2);
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-unhealthy", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);

        AdvanceSeconds(60 * 60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Primary().Text("taskDefinition"), Is.EqualTo(v2));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("IN_PROGRESS"));
        Assert.That(service.Primary().Number("failedTasks"), Is.GreaterThan(30));
        var old = service["deployments"]!.AsArray().Single(d => d.Text("status") == "ACTIVE");
        Assert.That(old.Number("runningCount"), Is.EqualTo(2), "minimumHealthyPercent 100 keeps the old tasks serving");
    }

    [Test]
    public async Task The_circuit_breaker_without_rollback_leaves_a_FAILED_PRIMARY_and_the_old_tasks_serving()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, Breaker(rollback: false));
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0-crash");
        await Aws.UpdateTaskDefinitionAsync("web", v2);

        AdvanceSeconds(30 * 60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Primary().Text("taskDefinition"), Is.EqualTo(v2));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("FAILED"));
        Assert.That(service.Primary().Text("rolloutStateReason"), Is.EqualTo("ECS deployment circuit breaker: tasks failed to start."));
        Assert.That(service.Number("runningCount"), Is.EqualTo(2));
    }

    [Test]
    public async Task With_maximumPercent_100_and_minimumHealthyPercent_50_the_rollout_replaces_tasks_without_exceeding_desired()
    {
        var config = new { maximumPercent = 100, minimumHealthyPercent = 50 };
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0", HealthCheck());
        await Aws.CreateServiceAsync("web", v1, desiredCount: 2, config);
        AdvanceSeconds(120);
        var v2 = await Aws.RegisterAsync("web", "shop/web:2.0", HealthCheck());
        await Aws.UpdateTaskDefinitionAsync("web", v2);

        var peak = 0;
        for (var second = 0; second < 300; second += 5)
        {
            AdvanceSeconds(5);
            var current = await Aws.ServiceAsync("web");
            peak = Math.Max(peak, current.Number("runningCount") + current.Number("pendingCount"));
        }
        var service = await Aws.ServiceAsync("web");

        Assert.That(peak, Is.EqualTo(2));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(service.Primary().Text("taskDefinition"), Is.EqualTo(v2));
    }

    [Test]
    public async Task A_first_deployment_that_trips_the_breaker_has_nothing_to_roll_back_to_and_stays_FAILED()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0-crash");
        await Aws.CreateServiceAsync("web", v1, desiredCount: 1, Breaker(rollback: true));

        AdvanceSeconds(10 * 60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service["deployments"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("FAILED"));
        Assert.That(service.Primary().Number("failedTasks"), Is.EqualTo(3));
        Assert.That(service.EventMessages(), Has.None.Contains("rolling back"));
        Assert.That(service.Number("runningCount") + service.Number("pendingCount"), Is.EqualTo(0));
    }
}
