using Reconciler.Core.Ecs;
using Reconciler.Core.Health;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Health;

public sealed class EcsHealthTests
{
    private const string HealthCheckFailed = "Task failed container health checks";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(null, null, HealthStatus.Missing, "service does not exist", "a service that does not exist is Missing");
        yield return Case(Before() with { Status = "INACTIVE" }, null, HealthStatus.Missing, "INACTIVE", "an INACTIVE service is Missing");
        yield return Case(Before() with { Status = "DRAINING" }, null, HealthStatus.Degraded, "DRAINING", "a DRAINING service is Degraded");
        yield return Case(Before(), Old, HealthStatus.Healthy, "2/2 tasks running", "a stable service on the expected revision is Healthy");
        yield return Case(Rolling(1), New, HealthStatus.Progressing, "2 deployments", "two deployments are Progressing");
        yield return Case(Finished(rolloutState: EcsStatuses.InProgress), New, HealthStatus.Progressing, "1 deployment",
            "a PRIMARY rolloutState IN_PROGRESS is Progressing");
        yield return Case(Before() with { RunningCount = 1 }, null, HealthStatus.Progressing, "1/2 tasks running", "fewer running than desired is Progressing");
        yield return Case(Rolling(0) with { Deployments = [Rolling(0).Deployments[0] with { RolloutState = "FAILED", RolloutStateReason = "circuit breaker" }] },
            New, HealthStatus.Degraded, "rollout failed: circuit breaker", "a PRIMARY rolloutState FAILED is Degraded");
        yield return Case(RolledBackByCircuitBreaker(), New, HealthStatus.Degraded, "not the expected", "a service running another revision than expected is Degraded");
        yield return Case(Rolling(0).WithStopped(3, HealthCheckFailed), New, HealthStatus.Degraded, "3 tasks stopped: Task failed container health checks",
            "repeatedly stopping tasks of the current revision are Degraded with the grouped reason");
        yield return Case(Rolling(0).WithStopped(1, HealthCheckFailed), New, HealthStatus.Progressing, "1 task stopped: Task failed container health checks",
            "one stopped task is still Progressing but named in the message");
        yield return Case(Before().WithStopped(4, HealthCheckFailed, Old), Old, HealthStatus.Healthy, "2/2",
            "old stopped tasks do not make a stable service unhealthy");
    }

    [TestCaseSource(nameof(Cases))]
    public void Ecs_health_is(ObservedEcsService? observed, string? expected, HealthStatus status, string message)
    {
        var health = EcsHealth.Assess(observed, expected);
        Assert.That(health.Status, Is.EqualTo(status));
        Assert.That(health.Message, Does.Contain(message));
    }

    [Test]
    public void Health_check_failures_with_a_zero_start_period_say_so()
    {
        var noGrace = ObservedEcsBuilder.InSyncWith(EcsManifestBuilder.WithContainer(c => c with { HealthCheck = c.HealthCheck! with { StartPeriod = null } }));
        var observed = (noGrace with { Deployments = Rolling(0).Deployments, TaskDefinitionArn = New }).WithStopped(3, HealthCheckFailed);
        Assert.That(EcsHealth.Assess(observed, New).Message, Does.Contain("healthCheck.startPeriod 0s"));
    }

    [Test]
    public void The_worst_of_several_assessments_wins() =>
        Assert.That(HealthAssessment.Worst(EcsHealth.Assess(Before(), null), EcsHealth.Assess(null, null)).Status, Is.EqualTo(HealthStatus.Missing));

    private static TestCaseData Case(ObservedEcsService? observed, string? expected, HealthStatus status, string message, string name) =>
        new TestCaseData(observed, expected, status, message).SetName(name);
}
