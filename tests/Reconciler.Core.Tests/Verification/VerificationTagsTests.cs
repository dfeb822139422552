using System.Text.RegularExpressions;
using Reconciler.Core.Verification;

namespace Reconciler.Core.Tests.Verification;

public sealed partial class VerificationTagsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly VerifySpec Spec = new(Http:
        [new HttpCheckSpec("readiness", "http://127.0.0.1/health"), new HttpCheckSpec("liveness", "http://127.0.0.1/live")]);

    [Test]
    public void A_state_read_back_from_its_tags_is_the_same_state()
    {
        var state = VerificationState.Start(Spec, "arn:aws:ecs:eu-west-1:1:task-definition/web:5", Start)
            .With(0, new CheckOutcome(CheckResult.Pass, "status 200"), Start.AddSeconds(1))
            .With(0, new CheckOutcome(CheckResult.Fail, "status 500, body: {\"db\":\"down\"} — ünïcode"), Start.AddSeconds(11));
        var tags = VerificationTags.Encode(state);
        var back = VerificationTags.Decode(tags.GetValueOrDefault);
        Assert.Multiple(() =>
        {
            Assert.That(back!.Target, Is.EqualTo(state.Target));
            Assert.That(back.StartedAt, Is.EqualTo(state.StartedAt));
            Assert.That(back.SpecHash, Is.EqualTo(state.SpecHash));
            Assert.That(back.Checks, Is.EqualTo(state.Checks));
        });
    }

    [Test]
    public void Every_tag_value_is_one_ECS_accepts_even_with_a_long_odd_body()
    {
        var body = "<html>" + new string('é', 400) + "\"'`;{}[]</html>";
        var state = VerificationState.Start(Spec, "arn:aws:ecs:eu-west-1:1:task-definition/web:5", Start)
            .With(1, new CheckOutcome(CheckResult.Fail, $"status 500, body: {body}"), Start);
        Assert.That(VerificationTags.Encode(state).Values, Has.All.Matches<string>(v => v.Length <= 256 && EcsTagValue().IsMatch(v)));
    }

    [Test]
    public void No_recorded_state_or_an_unreadable_one_reads_as_none()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VerificationTags.Decode(_ => null), Is.Null);
            Assert.That(VerificationTags.Decode(k => k == VerificationTags.Started ? "" : null), Is.Null);
            Assert.That(VerificationTags.Decode(k => k == VerificationTags.Started ? "web:5 abc 12" : "x y"), Is.Null);
        });
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex EcsTagValue();
}
