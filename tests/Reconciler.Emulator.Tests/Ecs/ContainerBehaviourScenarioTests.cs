using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Tests.Support;
using static Reconciler.Emulator.Tests.Support.EcsSteps;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>The image tag conventions as ECS would show them in DescribeTasks.</summary>
internal sealed class ContainerBehaviourScenarioTests : EmulatorTestBase
{
    [Test]
    public async Task A_startup_90s_image_with_startPeriod_0_gets_its_tasks_killed_as_unhealthy()
    {
        // Seed 000: startPeriod 0 with interval 30 × retries 3 gives the app 90 s; it needs 90 s, so every task dies.
        var v1 = await Aws.RegisterAsync("api", "backend:fix-v3-startup-90s", HealthCheck(startPeriod: 0));
        await Aws.CreateServiceAsync("api", v1, desiredCount: 1);

        AdvanceSeconds(15 * 60);
        var service = await Aws.ServiceAsync("api");
        var stopped = await Aws.TasksAsync("api", "STOPPED");

        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("IN_PROGRESS"));
        Assert.That(stopped, Is.Not.Empty);
        Assert.That(stopped.Select(t => t.Text("stoppedReason")).Distinct(), Is.EqualTo(new[] { "Task failed container health checks" }));
        Assert.That(stopped[0]["containers"]![0].Text("healthStatus"), Is.EqualTo("UNHEALTHY"));
        Assert.That(stopped[0].Text("stopCode"), Is.EqualTo("ServiceSchedulerInitiated"));
    }

    [Test]
    public async Task A_startup_90s_image_with_startPeriod_120_becomes_healthy()
    {
        var v1 = await Aws.RegisterAsync("api", "backend:fix-v4-startup-90s", HealthCheck(startPeriod: 120));
        await Aws.CreateServiceAsync("api", v1, desiredCount: 1);

        AdvanceSeconds(5 * 60);
        var service = await Aws.ServiceAsync("api");
        var running = await Aws.TasksAsync("api", "RUNNING");

        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(await Aws.TasksAsync("api", "STOPPED"), Is.Empty);
        Assert.That(running.Single().Text("healthStatus"), Is.EqualTo("HEALTHY"));
    }

    [Test]
    public async Task A_startup_image_is_not_yet_healthy_before_its_first_passing_check()
    {
        var v1 = await Aws.RegisterAsync("api", "backend:v1-startup-45s", HealthCheck(startPeriod: 60));
        await Aws.CreateServiceAsync("api", v1, desiredCount: 1);

        // Running after 10 s; checks every 30 s; the first check after 45 s is at 60 s: healthy at 70 s.
        AdvanceSeconds(69);
        var early = (await Aws.TasksAsync("api", "RUNNING")).Single();
        AdvanceSeconds(1);
        var later = (await Aws.TasksAsync("api", "RUNNING")).Single();

        Assert.That(early.Text("lastStatus"), Is.EqualTo("RUNNING"));
        Assert.That(early.Text("healthStatus"), Is.EqualTo("UNKNOWN"));
        Assert.That(later.Text("healthStatus"), Is.EqualTo("HEALTHY"));
    }

    [Test]
    public async Task Crash_tasks_stop_with_essential_container_in_task_exited_and_exit_code_1()
    {
        var v1 = await Aws.RegisterAsync("worker", "jobs/worker:2.1-crash");
        await Aws.CreateServiceAsync("worker", v1, desiredCount: 1);

        AdvanceSeconds(60);
        var stopped = await Aws.TasksAsync("worker", "STOPPED");

        Assert.That(stopped, Is.Not.Empty);
        var task = stopped[0];
        Assert.That(task.Text("stoppedReason"), Is.EqualTo("Essential container in task exited"));
        Assert.That(task.Text("stopCode"), Is.EqualTo("EssentialContainerExited"));
        Assert.That(task["containers"]![0].Number("exitCode"), Is.EqualTo(1));
        Assert.That(task["startedAt"], Is.Not.Null);
        Assert.That(task["stoppedAt"], Is.Not.Null);
    }

    [Test]
    public async Task An_unhealthy_image_without_a_container_health_check_runs_on_because_ECS_cannot_tell()
    {
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0-unhealthy");
        await Aws.CreateServiceAsync("web", v1, desiredCount: 1);

        AdvanceSeconds(10 * 60);
        var task = (await Aws.TasksAsync("web", "RUNNING")).Single();

        Assert.That(task.Text("healthStatus"), Is.EqualTo("UNKNOWN"));
        Assert.That((await Aws.ServiceAsync("web")).Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_run_time_rule_overrides_the_tag_convention()
    {
        Emulator.State.AddRule(ImageRule.ForImage("shop/web:1.0", ContainerBehaviour.Crash));
        var v1 = await Aws.RegisterAsync("web", "shop/web:1.0");
        await Aws.CreateServiceAsync("web", v1, desiredCount: 1);

        AdvanceSeconds(60);

        Assert.That((await Aws.TasksAsync("web", "STOPPED")).Select(t => t.Text("stoppedReason")),
            Has.All.EqualTo("Essential container in task exited"));
    }
}
