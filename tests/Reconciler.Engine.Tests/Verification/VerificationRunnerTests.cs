using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Model;
using Reconciler.Core.Verification;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Verification;
using Reconciler.Testing.Verification;

namespace Reconciler.Engine.Tests.Verification;

/// <summary>The check runner against a real Kestrel endpoint on 127.0.0.1 that answers as each test says.</summary>
public sealed class VerificationRunnerTests
{
    private static readonly ResourceKey Key = new("EcsService", "web");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private HealthEndpoint endpoint = null!;
    private ReconcilerMetrics metrics = null!;
    private HttpClient http = null!;

    [SetUp]
    public async Task StartEndpoint()
    {
        endpoint = await HealthEndpoint.StartAsync();
        metrics = new ReconcilerMetrics();
        http = VerificationRunner.CreateClient();
    }

    [TearDown]
    public async Task StopEndpoint()
    {
        http.Dispose();
        metrics.Dispose();
        await endpoint.DisposeAsync();
    }

    private async Task<CheckResults> RunOnce(HttpCheckSpec check, Dictionary<string, string>? placeholders = null)
    {
        var spec = new VerifySpec(Http: [check]);
        var state = VerificationState.Start(spec, "web:5", Start);
        var run = new VerificationRun(spec, state, VerificationCheck.All(spec), Start, placeholders ?? [], new Core.Planning.ActionLocation("eu-west-1", "prod"));
        var runner = new VerificationRunner(http, metrics, new FakeTimeProvider(Start), NullLogger.Instance);
        return (await runner.RunAsync(Key, run, ["s3cr3t-canary"], CancellationToken.None)).Results(0);
    }

    private string Url(string path) => new Uri(endpoint.BaseUri, path).ToString();

    [Test]
    public async Task A_200_answer_passes()
    {
        var results = await RunOnce(new HttpCheckSpec("readiness", Url("health/readiness")));
        Assert.That((results.Passes, results.Failures, results.Last, results.LastEvidence), Is.EqualTo((1, 0, CheckResult.Pass, "status 200")));
    }

    [Test]
    public async Task A_500_answer_fails_with_the_status_and_the_start_of_the_body()
    {
        endpoint.Status = 500;
        endpoint.Body = "{\"error\":\"Database connection is not available\"}";
        var results = await RunOnce(new HttpCheckSpec("readiness", Url("health/readiness")));
        Assert.That(results.LastEvidence, Is.EqualTo("status 500, body: {\"error\":\"Database connection is not available\"} (expected 200)"));
        Assert.That(results.Failures, Is.EqualTo(1));
    }

    [Test]
    public async Task A_body_that_does_not_match_expectBody_fails_even_with_the_expected_status()
    {
        endpoint.Body = "{\"db\":\"down\"}";
        var results = await RunOnce(new HttpCheckSpec("readiness", Url("health"), ExpectBody: "\"db\":\"up\""));
        Assert.That(results.LastEvidence, Does.EndWith("(body does not match /\"db\":\"up\"/)"));
    }

    [Test]
    public async Task A_status_from_the_expected_list_passes()
    {
        endpoint.Status = 204;
        endpoint.Body = "";
        var results = await RunOnce(new HttpCheckSpec("readiness", Url("health"), ExpectStatus: new ExpectedStatus([200, 204])));
        Assert.That(results.Last, Is.EqualTo(CheckResult.Pass));
    }

    [Test]
    public async Task Placeholders_are_filled_from_the_rollout()
    {
        await RunOnce(new HttpCheckSpec("readiness", Url("health?td={taskDefinition}&rev={revision}")),
            new Dictionary<string, string> { ["{taskDefinition}"] = "web:5", ["{revision}"] = "5" });
        Assert.That(endpoint.Paths, Is.EqualTo(new[] { "/health?td=web%3A5&rev=5" }));
    }

    [Test]
    public async Task A_long_body_is_cut_to_an_excerpt_and_a_secret_it_echoes_is_scrubbed()
    {
        endpoint.Status = 503;
        endpoint.Body = "token=s3cr3t-canary " + new string('x', 200_000);
        var results = await RunOnce(new HttpCheckSpec("readiness", Url("health")));
        Assert.That(results.LastEvidence, Does.Not.Contain("s3cr3t-canary"));
        Assert.That(results.LastEvidence!.Length, Is.LessThan(200));
    }

    [Test]
    public async Task An_endpoint_that_never_answers_fails_after_the_check_timeout()
    {
        // Accepts connections (the backlog does) and never answers a byte.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/health";
        var results = await RunOnce(new HttpCheckSpec("readiness", url, Timeout: TimeSpan.FromSeconds(1)));
        Assert.That((results.Last, results.LastEvidence), Is.EqualTo((CheckResult.Fail, "no answer within the timeout of 1s")));
    }

    [Test]
    public async Task Every_check_is_counted_by_kind_check_and_result()
    {
        var seen = new List<(long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Name == "reconciler_verification_checks_total" && i.Meter == metrics.Meter) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, v, tags, _) =>
            seen.Add((v, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        endpoint.Status = 500;
        await RunOnce(new HttpCheckSpec("readiness", Url("health")));
        Assert.That(seen, Is.EqualTo(new[] { (1L, "kind=EcsService,check=readiness,result=fail") }));
    }

    [TestCase(1_000, CheckResult.Pass, "value 0.001 < 0.01", TestName = "A small chunked Prometheus answer is judged")]
    [TestCase(300_000, CheckResult.Fail, "the query's answer is larger than 256 KiB; aggregate it to one value (e.g. sum(...))",
        TestName = "A chunked Prometheus answer larger than 256 KiB fails without being read whole")]
    public async Task A_Prometheus_answer_is_bounded_even_without_a_Content_Length(int padding, CheckResult result, string evidence)
    {
        // Kestrel's WriteAsync without a length answers chunked: only the reader's own cap can hold the size.
        endpoint.Body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[0,\"0.001\"]},\"pad\":\"" + new string('x', padding) + "\"}";
        var check = new PrometheusCheckSpec("error-rate", "sum(rate(x[5m]))", "< 0.01");
        var outcome = await PrometheusQuery.QueryAsync(http, endpoint.BaseUri.ToString(), check, Start, TimeProvider.System, CancellationToken.None);
        Assert.That(outcome, Is.EqualTo(new CheckOutcome(result, evidence)));
    }
}
