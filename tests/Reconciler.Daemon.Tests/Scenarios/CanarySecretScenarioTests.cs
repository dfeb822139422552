using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Reconciler.Daemon.Commands;
using Reconciler.Daemon.Tests.Commands;
using Reconciler.Emulator.Faults;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 9.7: one canary secret pushed through every path a secret takes — an SSM SecureString, an environment value
/// that a cloud error then quotes back, the webhook secret, the API token, the git token — and looked for in every place
/// the daemon writes: its log (text and JSON), <c>/status</c>, the status page, <c>/metrics</c>, <c>reconciler status</c>
/// and the task definitions it registered. Each secret is the canary's random stem plus a suffix, so one search finds all.
/// </summary>
public sealed class CanarySecretScenarioTests
{
    private const string Name = "api";
    private const string SecretPath = "/apps/db-password";
    private readonly string _stem = "cnry" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private string Canary(string where) => $"{_stem}-{where}";

    private string Manifest(string tag, string envCanary) =>
        ScenarioManifests.Service(Name, image: $"registry.example/api:{tag}",
            environment: [$"DATABASE_URL: \"postgres://app:{Canary(envCanary)}@db.internal/app\""],
            secrets: [$"DB_PASSWORD: {{ssmParameter: {SecretPath}}}"]);

    [Test]
    public async Task A_canary_secret_on_every_path_appears_in_no_log_status_metric_or_error()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { WebhookSecret = Canary("webhook"), ApiToken = Canary("api-token") });
        world.Cloud.Control.CreateCluster(ScenarioManifests.Cluster, ScenarioManifests.Region);
        world.Cloud.Control.PutParameter(SecretPath, "SecureString", Canary("ssm"), ScenarioManifests.Region);

        // The webhook secret signs the push that brings v1.
        var v1 = world.Commit(Manifest("v1", "env1"), "api v1");
        using (var delivery = await world.Daemon.Http.SendAsync(SignedPush(Canary("webhook"))))
        {
            Assert.That(delivery.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }
        await world.Daemon.WaitForAsync(Name, r => r.AppliedRevision == v1 && r.LastKnownGood is not null, "v1 to converge");

        // A cloud that quotes the environment it was sent back in its validation error, as ECS and Cloud Run do.
        world.Cloud.Control.OnCall(call => call.Operation == "RegisterTaskDefinition"
            ? CallDirective.Fail("ClientException", $"Invalid environment for container app: {call.Body.ToJsonString()}")
            : CallDirective.Proceed);
        var v2 = await world.PushAsync(Manifest("v2", "env2"), "api v2: new database password in the URL");
        var refused = await world.Daemon.WaitForAsync(Name, r => r.DesiredRevision == v2 && r.Message.Contains("ClientException"), "the cloud's refusal to be reported");
        Assert.That(refused.Message, Does.Contain("(redacted "), "the quoted value is there, as a hash");

        // The API token authorises a retry, which the cloud refuses again.
        using (var retry = new HttpRequestMessage(HttpMethod.Post, $"/retry/EcsService/{Name}"))
        {
            retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Canary("api-token"));
            using var response = await world.Daemon.Http.SendAsync(retry);
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        }

        var seen = new Dictionary<string, string>
        {
            ["/status"] = await world.Daemon.Http.GetStringAsync("/status"),
            ["status page"] = await world.Daemon.Http.GetStringAsync("/"),
            ["/metrics"] = await world.Daemon.Http.GetStringAsync("/metrics"),
            ["reconciler status"] = await StatusCommandOutput(world),
            ["log"] = string.Join('\n', world.Daemon.Log.Lines),
            ["JSON log"] = string.Join('\n', world.Daemon.Log.JsonLines),
            ["registered task definitions"] = string.Join('\n', await world.Cloud.TaskDefinitionsJsonAsync(ScenarioManifests.Region)),
        };
        // The environment value is the user's own plaintext in the task definition; the SecureString never is.
        seen["registered task definitions"] = seen["registered task definitions"].Replace(Canary("env1"), "", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var (where, text) in seen)
            {
                Assert.That(text, Does.Not.Contain(_stem), $"the canary reached {where}");
            }
        });
        Assert.That(seen["JSON log"], Does.Contain("ClientException"), "the refusal was logged, scrubbed");
    }

    [Test]
    public async Task A_git_token_never_appears_when_its_fetch_fails()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.StopDaemonAsync();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"git-token-{_stem}");
        await File.WriteAllTextAsync(tokenFile, Canary("git-token") + "\n");
        try
        {
            // Port 9 on loopback refuses the connection: the fetch fails with the token configured for it.
            var settings = world.Settings() with { Repo = "https://127.0.0.1:9/org/deploy.git", TokenFile = tokenFile };
            await using var daemon = await RunningDaemon.StartAsync(settings, world.Emulator);
            await daemon.WaitAsync(s => s.Source.FetchError is not null, "the failed fetch to be reported");

            var seen = string.Join('\n',
                await daemon.Http.GetStringAsync("/status"),
                await daemon.Http.GetStringAsync("/"),
                await daemon.Http.GetStringAsync("/metrics"),
                string.Join('\n', daemon.Log.Lines),
                string.Join('\n', daemon.Log.JsonLines));
            Assert.That(seen, Does.Contain("127.0.0.1:9"), "the failure is reported");
            Assert.That(seen, Does.Not.Contain(_stem));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    private static async Task<string> StatusCommandOutput(DaemonHarness world)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        await StatusCommand.RunAsync(world.Daemon.BaseUri.ToString(), world.ApiTokenFile, stdout, stderr, CancellationToken.None);
        return stdout + "\n" + stderr;
    }

    private static HttpRequestMessage SignedPush(string secret)
    {
        var body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/git") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return request;
    }
}
