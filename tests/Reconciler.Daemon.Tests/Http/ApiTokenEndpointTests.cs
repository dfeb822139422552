using System.Net;
using System.Net.Http.Headers;
using Reconciler.Daemon.Commands;
using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>
/// Issue 9 item 4 on real Kestrel: POST /retry needs the bearer token of --api-token-file; without a token file it
/// answers only on a loopback listen address; --status-requires-token guards /status and the page, not probes or metrics.
/// </summary>
public sealed class ApiTokenEndpointTests
{
    private const string Token = "api-token-7f3c9a1e5b";
    private static readonly TimeSpan Resync = new HarnessOptions().Resync;

    [Test]
    public async Task Retry_without_a_bearer_token_is_401_with_a_Bearer_challenge_and_the_failed_spec_stays_pinned()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token });
        var pinned = await PinAFailedSpecAsync(world);
        var updates = world.Cloud.Count("UpdateService");

        using var response = await world.Daemon.Http.PostAsync("/retry/web", content: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Bearer" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("--api-token-file"));
        var later = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastReconciledAt >= pinned.LastReconciledAt + (4 * Resync), "four more resyncs");
        Assert.That(world.Cloud.Count("UpdateService"), Is.EqualTo(updates), "the pinned spec was not applied again");
        Assert.That(later.Events.Count(e => e.Reason == "RollBack"), Is.EqualTo(pinned.Events.Count(e => e.Reason == "RollBack")));
        Assert.That(later.Message, Does.Contain("reconciler retry web"), "still pinned");
    }

    [TestCase("/retry/web", "Bearer", "wrong-token", TestName = "Retry by name with a wrong token is 401")]
    [TestCase("/retry/EcsService/web", "Bearer", "wrong-token", TestName = "Retry by kind and name with a wrong token is 401")]
    [TestCase("/retry/web", "Bearer", Token + "0", TestName = "Retry with the token and one character more is 401")]
    [TestCase("/retry/web", "Bearer", "api-token", TestName = "Retry with a prefix of the token is 401")]
    [TestCase("/retry/web", "Basic", Token, TestName = "Retry with the token under the Basic scheme is 401")]
    public async Task Retry_with_a_wrong_token_is_401(string path, string scheme, string token)
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");

        using var response = await PostAsync(world, path, new AuthenticationHeaderValue(scheme, token));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Retry_with_the_right_token_is_202_and_the_pinned_spec_is_applied_once_more()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token });
        var pinned = await PinAFailedSpecAsync(world);
        var updates = world.Cloud.Count("UpdateService");

        using var response = await PostAsync(world, "/retry/EcsService/web", new AuthenticationHeaderValue("Bearer", Token));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Events.Count(e => e.Reason == "RollBack") > pinned.Events.Count(e => e.Reason == "RollBack"), "the retried rollout to fail and roll back");
        Assert.That(world.Cloud.Count("UpdateService"), Is.GreaterThan(updates), "the pinned spec was applied once more");
    }

    [Test]
    public async Task The_retry_command_sends_the_token_of_its_api_token_file_and_without_it_names_the_flag()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");
        var url = world.Daemon.BaseUri.ToString();

        var (refusedOut, refusedErr) = (new StringWriter(), new StringWriter());
        var refused = await RetryCommand.RunAsync(url, null, "web", refusedOut, refusedErr, CancellationToken.None);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RetryCommand.RunAsync(url, null, "web", world.ApiTokenFile, stdout, stderr, CancellationToken.None);

        Assert.That(refused, Is.EqualTo(1));
        Assert.That(refusedErr.ToString(), Does.Contain("401").And.Contain("--api-token-file"));
        Assert.That(exit, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("retry requested"));
    }

    [Test]
    public async Task The_token_file_content_appears_in_neither_status_metrics_the_page_nor_the_log()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");
        using (var accepted = await PostAsync(world, "/retry/web", new AuthenticationHeaderValue("Bearer", Token)))
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "the token was read from the file");
        }
        using (await PostAsync(world, "/retry/web", new AuthenticationHeaderValue("Bearer", "wrong"))) { }

        var status = await world.Daemon.Http.GetStringAsync("/status");
        var metrics = await world.Daemon.Http.GetStringAsync("/metrics");
        var page = await world.Daemon.Http.GetStringAsync("/");

        Assert.That(status, Does.Not.Contain(Token));
        Assert.That(metrics, Does.Not.Contain(Token));
        Assert.That(page, Does.Not.Contain(Token));
        Assert.That(world.Daemon.Log.Lines, Has.None.Contains(Token));
        Assert.That(world.Daemon.Log.JsonLines, Has.None.Contains(Token));
        Assert.That(world.Settings().ToString(), Does.Not.Contain(Token), "the settings hold the file's path, not its content");
    }

    [Test]
    public async Task Without_a_token_file_a_daemon_listening_beyond_loopback_answers_retry_with_403_naming_the_flag()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ListenAddress = IPAddress.Any }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");

        using var byName = await world.Daemon.Http.PostAsync("/retry/web", content: null);
        using var byKind = await world.Daemon.Http.PostAsync("/retry/EcsService/web", content: null);
        using var status = await world.Daemon.Http.GetAsync("/status");

        Assert.That((byName.StatusCode, byKind.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(await byName.Content.ReadAsStringAsync(), Does.Contain("start the daemon with --api-token-file to enable this endpoint"));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading status stays open");
        Assert.That(world.Daemon.Log.Lines, Has.Some.Contains("beyond loopback, without --api-token-file"), "the start-up log says so too");
    }

    [Test]
    public async Task With_a_token_file_a_daemon_listening_beyond_loopback_accepts_a_retry_with_the_token()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ListenAddress = IPAddress.Any, ApiToken = Token }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");

        using var response = await PostAsync(world, "/retry/web", new AuthenticationHeaderValue("Bearer", Token));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Without_a_token_file_a_loopback_daemon_accepts_a_retry_without_a_header()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions(), WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");

        using var response = await world.Daemon.Http.PostAsync("/retry/web", content: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task With_status_requiring_the_token_status_and_the_page_are_401_without_it_while_probes_and_metrics_stay_open()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token, StatusRequiresToken = true }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitForAsync(WebManifest.Name, _ => true, "web to be declared");

        foreach (var path in new[] { "/status", "/" })
        {
            using var anonymous = await world.Daemon.Http.GetAsync(path);
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            Assert.That(anonymous.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"), path);
            using var wrong = await GetAsync(world, path, new AuthenticationHeaderValue("Bearer", "wrong"));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            using var authorized = await GetAsync(world, path, new AuthenticationHeaderValue("Bearer", Token));
            Assert.That(authorized.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
        foreach (var path in new[] { "/healthz", "/readyz", "/metrics" })
        {
            using var open = await world.Daemon.Http.GetAsync(path);
            Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
        var table = new StringWriter();
        Assert.That(await StatusCommand.RunAsync(world.Daemon.BaseUri.ToString(), world.ApiTokenFile, table, TextWriter.Null, CancellationToken.None),
            Is.AnyOf(0, 3), "0 or 3 (web still rolling out), not 1: the status was read");
        Assert.That(table.ToString(), Does.Contain("web"), "reconciler status --api-token-file reads the guarded /status");
    }

    [Test]
    public async Task With_a_token_file_but_no_status_requires_token_status_stays_open()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { ApiToken = Token });

        using var status = await world.Daemon.Http.GetAsync("/status");
        using var page = await world.Daemon.Http.GetAsync("/");

        Assert.That((status.StatusCode, page.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }

    /// <summary>v1 becomes known-good, then v2 (unhealthy, no circuit breaker) fails, is rolled back and pinned.</summary>
    private static async Task<Reconciler.Engine.Status.ResourceStatus> PinAFailedSpecAsync(DaemonHarness world)
    {
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");
        await world.PushAsync(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false), "web v2 unhealthy");
        return await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Message.Contains("reconciler retry web"), "the failed spec to be pinned");
    }

    private static Task<HttpResponseMessage> PostAsync(DaemonHarness world, string path, AuthenticationHeaderValue authorization) =>
        SendAsync(world, HttpMethod.Post, path, authorization);

    private static Task<HttpResponseMessage> GetAsync(DaemonHarness world, string path, AuthenticationHeaderValue authorization) =>
        SendAsync(world, HttpMethod.Get, path, authorization);

    private static async Task<HttpResponseMessage> SendAsync(DaemonHarness world, HttpMethod method, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(method, path) { Headers = { Authorization = authorization } };
        return await world.Daemon.Http.SendAsync(request);
    }
}
