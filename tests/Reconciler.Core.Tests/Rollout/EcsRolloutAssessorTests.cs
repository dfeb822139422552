using Reconciler.Core.Ecs;
using Reconciler.Core.Rollout;
using Reconciler.Testing;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Rollout;

public sealed class EcsRolloutAssessorTests
{
    private const string HealthCheckFailed = "Task failed container health checks";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(Rolling(newRunning: 1), 2, typeof(RolloutVerdict.InProgress), "a rollout with new tasks still starting is in progress");
        yield return Case(Finished(), 3, typeof(RolloutVerdict.Completed), "one deployment with all tasks running and COMPLETED is completed");
        yield return Case(Finished(rolloutState: null), 3, typeof(RolloutVerdict.Completed), "a stable service without a reported rolloutState is completed");
        yield return Case(Finished(rolloutState: EcsStatuses.InProgress), 3, typeof(RolloutVerdict.InProgress),
            "a stable service whose rolloutState is still IN_PROGRESS is not completed yet");
        yield return Case(Finished() with { RunningCount = 1 }, 3, typeof(RolloutVerdict.InProgress), "runningCount below desiredCount is not stable");
        yield return Case(RolledBackByCircuitBreaker(), 7, typeof(RolloutVerdict.Failed), "a circuit-breaker rollback is reported as Failed, not Completed");
        yield return Case(RolledBackByCircuitBreaker(withEvent: false), 7, typeof(RolloutVerdict.Failed),
            "a PRIMARY deployment no longer on the target is Failed even without a rollback event");
        yield return Case(Rolling(0) with { Deployments = [.. Rolling(0).Deployments.Select(d => d.TaskDefinitionArn == New ? d with { RolloutState = "FAILED", RolloutStateReason = "ECS deployment circuit breaker: tasks failed to start." } : d)] },
            3, typeof(RolloutVerdict.Failed), "a PRIMARY deployment in rolloutState FAILED is Failed");
        yield return Case(Rolling(0).WithStopped(2, HealthCheckFailed), 3, typeof(RolloutVerdict.Failed),
            "target tasks repeatedly failing health checks is Failed before the deadline");
        yield return Case(Rolling(0).WithStopped(1, HealthCheckFailed), 3, typeof(RolloutVerdict.InProgress),
            "a single stopped task is not yet a failure");
        yield return Case(Rolling(1).WithStopped(5, HealthCheckFailed, Old), 3, typeof(RolloutVerdict.InProgress),
            "stopped tasks of the old task definition do not fail the rollout");
        yield return Case(Rolling(0).WithStopped(4, "Scaling activity initiated by (deployment ecs-svc/2)"), 3, typeof(RolloutVerdict.InProgress),
            "tasks stopped by a scaling activity are not failures");
        yield return Case(Rolling(1) with { Status = "DRAINING" }, 2, typeof(RolloutVerdict.Failed),
            "a service deleted during the rollout is Failed, as the waiter's failure acceptors say");
        yield return Case(Rolling(1), 10, typeof(RolloutVerdict.Failed), "no steady state when the progress deadline passes is Failed");
        yield return Case(Rolling(1), 9, typeof(RolloutVerdict.InProgress), "one minute before the deadline it is still in progress");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_rollout_verdict_is(ObservedEcsService observed, int minutesSinceStart, Type verdict) =>
        Assert.That(EcsRolloutAssessor.Assess(observed, New, Start, Start.AddMinutes(minutesSinceStart), Deadline), Is.TypeOf(verdict));

    [Test]
    public void A_health_check_failure_verdict_summarizes_the_stopped_reasons()
    {
        var observed = Rolling(0, desired: 3).WithStopped(2, HealthCheckFailed).WithStopped(1, "Essential container in task exited");
        var failed = (RolloutVerdict.Failed)EcsRolloutAssessor.Assess(observed, New, Start, Start.AddMinutes(4), Deadline);
        Assert.That(failed.StoppedReasonsSummary,
            Is.EqualTo("3 tasks stopped: Task failed container health checks (2), Essential container in task exited (1)"));
    }

    [Test]
    public void A_circuit_breaker_failure_names_the_ecs_event()
    {
        Assert.That(EcsRolloutAssessor.IsStable(RolledBackByCircuitBreaker()), Is.True, "the waiter alone would call this success (ecspresso#732)");
        var failed = (RolloutVerdict.Failed)EcsRolloutAssessor.Assess(RolledBackByCircuitBreaker(), New, Start, Start.AddMinutes(7), Deadline);
        Assert.That(failed.Reason, Does.Contain("rolling back to deployment ecs-svc/1"));
    }

    [Test]
    public void Rollback_events_from_before_this_rollout_are_ignored()
    {
        var old = new ServiceEvent("e0", Start.AddHours(-3), "(service api) rolling back to deployment ecs-svc/0.");
        var verdict = EcsRolloutAssessor.Assess(Finished() with { Events = [old] }, New, Start, Start.AddMinutes(3), Deadline);
        Assert.That(verdict, Is.TypeOf<RolloutVerdict.Completed>());
    }

    [Test]
    public void The_deadline_verdict_says_how_far_the_rollout_got()
    {
        var failed = (RolloutVerdict.Failed)EcsRolloutAssessor.Assess(Rolling(1), New, Start, Start.AddMinutes(11), Deadline);
        Assert.That(failed.Message, Is.EqualTo("no steady state within the progress deadline of 10m (1/2 new tasks running, 2 deployments)"));
    }

    [Test]
    public void Stability_follows_the_official_services_stable_waiter()
    {
        var waiters = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.EcsWaiters))!;
        var success = waiters["waiters"]!["ServicesStable"]!["acceptors"]!.AsArray().Single(a => (string?)a!["state"] == "success")!;
        Assert.That((string?)success["argument"], Does.Contain("length(deployments) == `1` && runningCount == desiredCount"));
        Assert.That(EcsRolloutAssessor.IsStable(Finished()), Is.True);
        Assert.That(EcsRolloutAssessor.IsStable(Rolling(2)), Is.False);
    }

    private static TestCaseData Case(ObservedEcsService observed, int minutes, Type verdict, string name) =>
        new TestCaseData(observed, minutes, verdict).SetName(name);
}
