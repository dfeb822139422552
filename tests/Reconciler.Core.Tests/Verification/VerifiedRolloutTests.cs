using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rollout;
using Reconciler.Core.Verification;

namespace Reconciler.Core.Tests.Verification;

/// <summary>How a rollout the platform calls Completed becomes a decision when the spec has <c>verify</c>.</summary>
public sealed class VerifiedRolloutTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceKey Key = new("EcsService", "web");
    private static readonly VerifySpec Spec = new(BakeTime: TimeSpan.FromMinutes(1), Http: [new HttpCheckSpec("health", "http://127.0.0.1/{taskDefinition}")]);
    private static readonly Dictionary<string, string> Placeholders = new() { ["{taskDefinition}"] = "web:5" };
    private static readonly ActionLocation Where = new("eu-west-1", "prod", "arn:aws:ecs:eu-west-1:123456789012:service/prod/web");

    private static Decision Decide(VerificationState? recorded, DateTimeOffset now) =>
        DecisionRules.FromVerdict(Key, new RolloutVerdict.Completed("3/3 new tasks running"), "web:5", "web:5",
            c => new HealthAssessment(HealthStatus.Healthy, c.Message), new TagService(Key, Where, new Dictionary<string, string>()),
            reason => new Decision.RollBack(Plan.Empty(Key), new HealthAssessment(HealthStatus.Degraded, reason), reason),
            new RolloutVerification(Spec, recorded, now, Placeholders));

    [Test]
    public void A_ready_rollout_with_no_recorded_verification_starts_one_now_and_watches()
    {
        var watch = (Decision.Watch)Decide(null, Start);
        Assert.Multiple(() =>
        {
            Assert.That(watch.Health.Status, Is.EqualTo(HealthStatus.Progressing));
            Assert.That(watch.Verification!.State.StartedAt, Is.EqualTo(Start));
            Assert.That(watch.Verification.Due.Select(c => c.Name), Is.EqualTo(new[] { "health" }));
            Assert.That(watch.Verification.Fill("http://127.0.0.1/{taskDefinition}"), Is.EqualTo("http://127.0.0.1/web%3A5"));
            Assert.That(watch.Verification.Location, Is.EqualTo(Where), "the state is recorded where the rollout's own tags go");
        });
    }

    [Test]
    public void A_verification_recorded_for_an_earlier_target_is_started_afresh()
    {
        var old = VerificationState.Start(Spec, "web:4", Start.AddHours(-1)).With(0, new CheckOutcome(CheckResult.Fail, "status 500"), Start.AddHours(-1));
        var watch = (Decision.Watch)Decide(old, Start);
        Assert.That(watch.Verification!.State.StartedAt, Is.EqualTo(Start));
    }

    [Test]
    public void A_passed_verification_completes_the_rollout()
    {
        var state = VerificationState.Start(Spec, "web:5", Start).With(0, new CheckOutcome(CheckResult.Pass, "status 200"), Start.AddMinutes(1));
        Assert.That(Decide(state, Start.AddMinutes(1)), Is.TypeOf<Decision.Completed>());
    }

    [Test]
    public void A_failed_verification_rolls_back_with_the_evidence()
    {
        var state = VerificationState.Start(Spec, "web:5", Start).With(0, new CheckOutcome(CheckResult.Fail, "status 500, body: down"), Start);
        var rollBack = (Decision.RollBack)Decide(state, Start.AddSeconds(1));
        Assert.That(rollBack.Message, Is.EqualTo("verification failed: check health failed 1 time (failureLimit 0): status 500, body: down"));
        Assert.That(rollBack.Cause, Is.EqualTo(RolloutFailure.VerificationFailed), "whatever the evidence quotes, the cause is typed");
    }
}
