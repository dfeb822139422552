using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Engine.Webhooks;

namespace Reconciler.Engine.Tests.Webhooks;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WebhookHandlerTests
{
    private static readonly byte[] Secret = "webhook-secret"u8.ToArray();
    private static readonly byte[] Push = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}""");

    private readonly FakeTimeProvider time = new();
    private int pushes;

    private WebhookHandler Handler(int perMinute = 30) =>
        new(Secret, new WebhookRateLimiter(perMinute, TimeSpan.FromMinutes(1), time), () => pushes++);

    private static HeaderDictionary Headers(string? signature, string gitHubEvent = "push")
    {
        var headers = new HeaderDictionary { ["x-github-event"] = gitHubEvent };
        if (signature is not null)
        {
            headers["x-hub-signature-256"] = signature;
        }
        return headers;
    }

    [Test]
    public void A_signed_push_is_accepted_and_triggers_a_fetch()
    {
        var result = Handler().Handle(Headers(GitHubSignatureVerifier.Sign(Push, Secret)), Push);

        Assert.That(result, Is.EqualTo(new WebhookResult(202, "fetch scheduled", Triggered: true)));
        Assert.That(pushes, Is.EqualTo(1));
    }

    [Test]
    public void A_signed_ping_is_accepted_without_a_fetch()
    {
        var result = Handler().Handle(Headers(GitHubSignatureVerifier.Sign(Push, Secret), "ping"), Push);

        Assert.That(result.StatusCode, Is.EqualTo(202));
        Assert.That(pushes, Is.Zero);
    }

    [TestCase(null, "missing X-Hub-Signature-256 header: set a secret on the webhook")]
    [TestCase("sha256=abc", "malformed X-Hub-Signature-256 header: expected sha256=<64 hex digits>")]
    [TestCase("sha256=0000000000000000000000000000000000000000000000000000000000000000", "signature does not match: the webhook secret differs from the daemon's")]
    public void A_badly_signed_delivery_is_refused_with_401_and_no_fetch(string? signature, string reason)
    {
        var result = Handler().Handle(Headers(signature), Push);

        Assert.That(result, Is.EqualTo(new WebhookResult(401, reason, Triggered: false)));
        Assert.That(pushes, Is.Zero);
    }

    [Test]
    public void Deliveries_over_the_limit_get_429_before_the_body_or_signature_is_looked_at()
    {
        var handler = Handler(perMinute: 2);
        var signed = Headers(GitHubSignatureVerifier.Sign(Push, Secret));

        var statuses = Enumerable.Range(0, 3)
            .Select(_ => (handler.Admit("10.0.0.1") ?? handler.Handle(signed, Push)).StatusCode).ToArray();

        Assert.That(statuses, Is.EqualTo(new[] { 202, 202, 429 }));
        Assert.That(pushes, Is.EqualTo(2));
    }

    [Test]
    public void An_empty_secret_is_refused_at_construction() =>
        Assert.Throws<ArgumentException>(() => new WebhookHandler([], new WebhookRateLimiter(), () => { }));
}
