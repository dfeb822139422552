using Reconciler.Core.Outcomes;
using Reconciler.Core.Status;

namespace Reconciler.Core.Tests.Status;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    [Test]
    public void Setting_a_new_condition_adds_it_with_now_as_last_transition()
    {
        var set = Conditions.Set([], ConditionTypes.Ready, true, "Converged", "ok", T0);
        Assert.That(set, Is.EqualTo(new[] { new Condition(ConditionTypes.Ready, true, "Converged", "ok", T0) }));
    }

    [Test]
    public void An_unchanged_status_keeps_its_last_transition_but_takes_the_new_message()
    {
        var first = Conditions.Set([], ConditionTypes.Ready, false, "Progressing", "1/2", T0);
        var again = Conditions.Set(first, ConditionTypes.Ready, false, "Progressing", "2/2", T1).Single();
        Assert.That((again.LastTransition, again.Message), Is.EqualTo((T0, "2/2")));
    }

    [Test]
    public void A_flipped_status_moves_the_last_transition()
    {
        var first = Conditions.Set([], ConditionTypes.Ready, false, "Progressing", "", T0);
        Assert.That(Conditions.Set(first, ConditionTypes.Ready, true, "Converged", "", T1).Single().LastTransition, Is.EqualTo(T1));
    }

    private static IEnumerable<TestCaseData> Outcomes()
    {
        yield return new TestCaseData(new ReconcileOutcome.Converged("in sync"), true, false, false).SetName("converged is Ready and neither Reconciling nor Stalled");
        yield return new TestCaseData(new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(10), "rolling out"), false, true, false).SetName("waiting is Reconciling");
        yield return new TestCaseData(new ReconcileOutcome.Stalled("pinned"), false, false, true).SetName("stalled is Stalled");
        yield return new TestCaseData(new ReconcileOutcome.Failed("throttled", true), false, true, false).SetName("a retryable failure is still Reconciling");
        yield return new TestCaseData(new ReconcileOutcome.Failed("denied", false), false, false, true).SetName("a permanent failure is Stalled");
    }

    [TestCaseSource(nameof(Outcomes))]
    public void An_outcome_sets_all_three_conditions(ReconcileOutcome outcome, bool ready, bool reconciling, bool stalled)
    {
        var conditions = Conditions.For([], outcome, T0).ToDictionary(c => c.Type, c => c.Status);
        Assert.That(conditions, Is.EqualTo(new Dictionary<string, bool>
        {
            [ConditionTypes.Ready] = ready,
            [ConditionTypes.Reconciling] = reconciling,
            [ConditionTypes.Stalled] = stalled,
        }));
    }
}
