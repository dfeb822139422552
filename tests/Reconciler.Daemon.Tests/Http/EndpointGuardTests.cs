using System.Net;
using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>Who may call which endpoint: pure decisions from the start-up settings and the Authorization header.</summary>
public sealed class EndpointGuardTests
{
    private const string Token = "s3cret-token";
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Everywhere = IPAddress.Any;

    private static IEnumerable<TestCaseData> Decisions()
    {
        // token file?, listen, --status-requires-token, endpoint, Authorization header => status code (null: admitted)
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, $"Bearer {Token}", null, "the right token admits a retry beyond loopback");
        yield return Case(Token, Loopback, false, EndpointAccess.Mutating, null, 401, "with a token file a retry without a header is 401, even on loopback");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, "Bearer wrong", 401, "a wrong token is 401");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, $"Bearer {Token[..^1]}", 401, "a prefix of the token is 401");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, $"Bearer {Token}x", 401, "the token with a character more is 401");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, $"Basic {Token}", 401, "the token under another scheme is 401");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, "Bearer ", 401, "an empty bearer token is 401");
        yield return Case(Token, Everywhere, false, EndpointAccess.Mutating, $"bearer {Token}", null, "the scheme is case-insensitive");
        yield return Case(null, Loopback, false, EndpointAccess.Mutating, null, null, "without a token file a loopback daemon admits a retry");
        yield return Case(null, IPAddress.IPv6Loopback, false, EndpointAccess.Mutating, null, null, "::1 is loopback too");
        yield return Case(null, Everywhere, false, EndpointAccess.Mutating, null, 403, "without a token file a daemon beyond loopback refuses a retry with 403");
        yield return Case(null, IPAddress.IPv6Any, false, EndpointAccess.Mutating, $"Bearer {Token}", 403, "beyond loopback without a token file no header helps");
        yield return Case(Token, Everywhere, false, EndpointAccess.Status, null, null, "status is open by default, token file or not");
        yield return Case(null, Everywhere, false, EndpointAccess.Status, null, null, "status is open beyond loopback without a token file");
        yield return Case(Token, Loopback, true, EndpointAccess.Status, null, 401, "with --status-requires-token status without a header is 401");
        yield return Case(Token, Loopback, true, EndpointAccess.Status, "Bearer wrong", 401, "with --status-requires-token a wrong token is 401");
        yield return Case(Token, Loopback, true, EndpointAccess.Status, $"Bearer {Token}", null, "with --status-requires-token the right token reads status");
        yield return Case(Token, Everywhere, true, EndpointAccess.Open, null, null, "probes and metrics stay open with --status-requires-token");
        yield return Case(null, Everywhere, false, EndpointAccess.Open, null, null, "probes and metrics are open beyond loopback");
    }

    private static TestCaseData Case(string? token, IPAddress listen, bool statusRequiresToken, EndpointAccess access, string? header, int? expected, string name) =>
        new TestCaseData(token, listen, statusRequiresToken, access.ToString(), header).Returns(expected).SetName(name);

    [TestCaseSource(nameof(Decisions))]
    public int? The_guard_decides(string? token, IPAddress listen, bool statusRequiresToken, string access, string? header) =>
        new EndpointGuard(token is null ? null : ApiToken.FromText(token), listen, statusRequiresToken)
            .Check(Enum.Parse<EndpointAccess>(access), header)?.StatusCode;

    [Test]
    public void A_401_carries_a_bearer_challenge_and_a_403_names_the_flag_that_enables_the_endpoint()
    {
        var withToken = new EndpointGuard(ApiToken.FromText(Token), Everywhere, statusRequiresToken: false);
        var without = new EndpointGuard(null, Everywhere, statusRequiresToken: false);

        Assert.That(withToken.Check(EndpointAccess.Mutating, null)!.Challenge, Is.EqualTo("Bearer"));
        Assert.That(withToken.Check(EndpointAccess.Mutating, "Bearer wrong")!.Challenge, Does.StartWith("Bearer"));
        Assert.That(without.Check(EndpointAccess.Mutating, null)!.Message, Does.Contain("start the daemon with --api-token-file to enable this endpoint"));
        Assert.That(without.Check(EndpointAccess.Mutating, null)!.Challenge, Is.Null);
    }

    [Test]
    public void Requiring_the_token_for_status_without_a_token_is_refused()
    {
        Assert.That(() => new EndpointGuard(null, Loopback, statusRequiresToken: true),
            Throws.ArgumentException.With.Message.Contains("--api-token-file"));
    }

    [Test]
    public void The_token_file_content_is_trimmed_and_never_formatted()
    {
        var token = ApiToken.FromText($"  {Token}\r\n");

        Assert.That(token.Admits($"Bearer {Token}"), Is.True, "the line end an editor saves is not part of the token");
        Assert.That(token.ToString(), Does.Not.Contain(Token));
        Assert.That($"{token}", Does.Not.Contain(Token));
    }

    [Test]
    public void An_empty_token_file_is_refused()
    {
        Assert.That(() => ApiToken.FromText(" \n"), Throws.ArgumentException);
    }
}
