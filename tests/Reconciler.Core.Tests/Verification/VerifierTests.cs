using Reconciler.Core.Verification;

namespace Reconciler.Core.Tests.Verification;

public sealed class VerifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CheckOutcome Ok = new(CheckResult.Pass, "status 200");
    private static readonly CheckOutcome Bad = new(CheckResult.Fail, "status 500, body: {\"db\":\"down\"}");
    private static readonly CheckOutcome NoData = new(CheckResult.Inconclusive, "the query returned no data");

    private static readonly VerifySpec Spec = new(
        BakeTime: TimeSpan.FromMinutes(2),
        Http: [new HttpCheckSpec("readiness", "http://127.0.0.1/health", Interval: TimeSpan.FromSeconds(10), FailureLimit: 1)],
        Prometheus: new PrometheusVerifySpec("http://127.0.0.1:9090",
            [new PrometheusCheckSpec("error-rate", "q", "< 0.01", Interval: TimeSpan.FromSeconds(30), Count: 5, InconclusiveLimit: 1)]));

    private static VerificationState Fresh => VerificationState.Start(Spec, "web:5", Start);

    private static VerificationState Record(VerificationState state, int check, params CheckOutcome[] outcomes) =>
        outcomes.Select((o, i) => (o, i)).Aggregate(state, (s, x) => s.With(check, x.o, Start.AddSeconds(10 * x.i)));

    [Test]
    public void A_fresh_verification_has_every_check_due()
    {
        var running = (VerificationVerdict.Running)Verifier.Evaluate(Spec, Fresh, Start);
        Assert.That(running.Due.Select(c => c.Name), Is.EqualTo(new[] { "readiness", "error-rate" }));
    }

    [Test]
    public void A_check_is_due_again_only_after_its_interval()
    {
        var state = Fresh.With(0, Ok, Start).With(1, Ok, Start);
        var soon = (VerificationVerdict.Running)Verifier.Evaluate(Spec, state, Start.AddSeconds(9));
        var later = (VerificationVerdict.Running)Verifier.Evaluate(Spec, state, Start.AddSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(soon.Due, Is.Empty);
            Assert.That(soon.NextAt, Is.EqualTo(Start.AddSeconds(10)));
            Assert.That(later.Due.Select(c => c.Name), Is.EqualTo(new[] { "readiness" }));
        });
    }

    [Test]
    public void The_running_message_counts_passes_of_http_checks_and_measurements_of_counted_queries()
    {
        var state = Record(Record(Fresh, 0, Ok, Ok, Ok), 1, Ok, Ok);
        var running = (VerificationVerdict.Running)Verifier.Evaluate(Spec, state, Start.AddSeconds(40));
        Assert.That(running.Message, Is.EqualTo("verifying: readiness 3/3 ok, error-rate 2/5; baking 40s of 2m"));
    }

    [Test]
    public void Failures_within_the_failure_limit_keep_the_verification_running()
    {
        var state = Record(Fresh, 0, Bad);
        Assert.That(Verifier.Evaluate(Spec, state, Start.AddSeconds(5)), Is.TypeOf<VerificationVerdict.Running>());
    }

    [Test]
    public void A_failure_past_the_failure_limit_fails_with_the_status_and_body_as_evidence()
    {
        var state = Record(Fresh, 0, Ok, Bad, Bad);
        var failed = (VerificationVerdict.Failed)Verifier.Evaluate(Spec, state, Start.AddSeconds(30));
        Assert.That(failed.Evidence, Is.EqualTo("check readiness failed 2 times (failureLimit 1): status 500, body: {\"db\":\"down\"}"));
    }

    [Test]
    public void No_data_past_the_inconclusive_limit_fails()
    {
        var within = Record(Fresh, 1, NoData);
        var past = Record(Fresh, 1, NoData, NoData);
        Assert.Multiple(() =>
        {
            Assert.That(Verifier.Evaluate(Spec, within, Start.AddSeconds(5)), Is.TypeOf<VerificationVerdict.Running>());
            Assert.That(((VerificationVerdict.Failed)Verifier.Evaluate(Spec, past, Start.AddSeconds(15))).Evidence,
                Does.StartWith("check error-rate was inconclusive 2 times (inconclusiveLimit 1): the query returned no data"));
        });
    }

    [Test]
    public void Checks_passing_before_the_bake_time_ends_are_still_running()
    {
        var state = Record(Record(Fresh, 0, Ok), 1, Ok, Ok, Ok, Ok, Ok);
        Assert.That(Verifier.Evaluate(Spec, state, Start.AddSeconds(119)), Is.TypeOf<VerificationVerdict.Running>());
    }

    [Test]
    public void Every_check_passing_when_the_bake_time_ends_passes()
    {
        var state = Record(Record(Fresh, 0, Ok), 1, Ok, Ok, Ok, Ok, Ok);
        Assert.That(Verifier.Evaluate(Spec, state, Start.AddMinutes(2)), Is.TypeOf<VerificationVerdict.Passed>());
    }

    [Test]
    public void A_counted_query_that_has_not_run_its_count_holds_the_verification_past_the_bake_time()
    {
        var state = Record(Record(Fresh, 0, Ok), 1, Ok, Ok);
        var running = (VerificationVerdict.Running)Verifier.Evaluate(Spec, state, Start.AddMinutes(3));
        Assert.That(running.Message, Is.EqualTo("verifying: readiness 1/1 ok, error-rate 2/5"));
    }

    [Test]
    public void A_counted_query_that_ran_its_count_is_never_due_again()
    {
        var state = Record(Record(Fresh, 0, Ok), 1, Ok, Ok, Ok, Ok, Ok);
        var running = (VerificationVerdict.Running)Verifier.Evaluate(Spec, state, Start.AddSeconds(100));
        Assert.That(running.Due.Select(c => c.Name), Is.EqualTo(new[] { "readiness" }));
    }

    [Test]
    public void An_http_check_whose_last_probe_failed_holds_the_verification_past_the_bake_time()
    {
        var state = Record(Record(Fresh, 0, Ok, Bad), 1, Ok, Ok, Ok, Ok, Ok);
        Assert.That(Verifier.Evaluate(Spec, state, Start.AddMinutes(3)), Is.TypeOf<VerificationVerdict.Running>());
    }

    [Test]
    public void The_default_failure_limit_of_zero_fails_on_the_first_failed_probe()
    {
        var spec = new VerifySpec(Http: [new HttpCheckSpec("health", "http://127.0.0.1/health")]);
        var state = VerificationState.Start(spec, "web:5", Start).With(0, Bad, Start);
        Assert.That(Verifier.Evaluate(spec, state, Start), Is.TypeOf<VerificationVerdict.Failed>());
    }

    [Test]
    public void A_state_recorded_for_another_target_or_verify_spec_is_not_this_verification()
    {
        var other = Spec with { BakeTime = TimeSpan.FromMinutes(5) };
        Assert.Multiple(() =>
        {
            Assert.That(Fresh.IsFor(Spec, "web:5"), Is.True);
            Assert.That(Fresh.IsFor(Spec, "web:6"), Is.False);
            Assert.That(Fresh.IsFor(other, "web:5"), Is.False);
        });
    }

    [Test]
    public void The_longest_run_is_the_bake_or_the_longest_counted_query_plus_the_slowest_interval()
    {
        // error-rate: 5 × 30s = 2.5m > bake 2m; slowest interval 30s.
        Assert.That(Spec.LongestRun, Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That(new VerifySpec(BakeTime: TimeSpan.FromMinutes(10), Http: [new HttpCheckSpec("h", "http://127.0.0.1/")]).LongestRun,
            Is.EqualTo(TimeSpan.FromMinutes(10) + HttpCheckSpec.DefaultInterval));
    }
}
