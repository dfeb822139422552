using Microsoft.AspNetCore.Http;

namespace Reconciler.Engine.Webhooks;

/// <summary>
/// The webhook's decision, separate from HTTP plumbing: rate limit (429, <see cref="Admit"/>, before the body is
/// read), then signature (401, <see cref="Handle"/>), then trigger a fetch and answer 202. The trigger should only enqueue (a fetch + reconcile happens later),
/// so GitHub's 10-second delivery timeout is never at risk.
/// </summary>
public sealed class WebhookHandler
{
    private const string EventHeader = "X-GitHub-Event";

    private readonly byte[] secret;
    private readonly WebhookRateLimiter limiter;
    private readonly Action onPush;

    public WebhookHandler(byte[] secret, WebhookRateLimiter limiter, Action onPush)
    {
        if (secret.Length == 0)
        {
            // An empty key would accept any signature computed with an empty key: refuse at start-up instead.
            throw new ArgumentException("The webhook secret is empty: set it to the secret configured on the repository webhook.", nameof(secret));
        }
        this.secret = secret;
        this.limiter = limiter;
        this.onPush = onPush;
    }

    /// <summary>
    /// The rate limit, checked on the headers alone: a refused delivery costs a dictionary lookup, and its body is
    /// never buffered. Null = admitted; read the body and call <see cref="Handle"/>.
    /// </summary>
    public WebhookResult? Admit(string? remoteAddress) => limiter.TryAcquire(remoteAddress)
        ? null
        : new WebhookResult(StatusCodes.Status429TooManyRequests, "too many webhook deliveries; retry later", false);

    /// <summary>An admitted delivery: signature, then ping or push.</summary>
    public WebhookResult Handle(IHeaderDictionary headers, byte[] body)
    {
        var check = GitHubSignatureVerifier.Verify(body, headers[GitHubSignatureVerifier.HeaderName].FirstOrDefault(), secret);
        if (check != SignatureCheck.Valid)
        {
            return new WebhookResult(StatusCodes.Status401Unauthorized, Explain(check), false);
        }
        if (string.Equals(headers[EventHeader].FirstOrDefault(), "ping", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookResult(StatusCodes.Status202Accepted, "ping accepted", false);
        }
        onPush();
        return new WebhookResult(StatusCodes.Status202Accepted, "fetch scheduled", true);
    }

    private static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => $"missing {GitHubSignatureVerifier.HeaderName} header: set a secret on the webhook",
        SignatureCheck.Malformed => $"malformed {GitHubSignatureVerifier.HeaderName} header: expected sha256=<64 hex digits>",
        _ => "signature does not match: the webhook secret differs from the daemon's",
    };
}
