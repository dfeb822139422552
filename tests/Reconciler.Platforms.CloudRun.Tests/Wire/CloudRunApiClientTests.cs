using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Errors;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Wire;

/// <summary>The REST client against the emulator on real Kestrel (127.0.0.1:0).</summary>
public sealed class CloudRunApiClientTests
{
    private const string Parent = "projects/demo/locations/europe-west1";
    private EmulatorHost _host = null!;
    private HttpClient _http = null!;
    private CloudRunApiClient _api = null!;

    [SetUp]
    public async Task Start()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = 1, TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider() });
        _http = new HttpClient();
        _api = new CloudRunApiClient(_http, new CloudRunEndpoint(_host.BaseUri), FixedTokenSource.Emulator);
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private static RunService Service(string image = "europe-west1-docker.pkg.dev/demo/app/web:1") => new()
    {
        Template = new RevisionTemplate { Containers = [new RunContainer { Image = image }] },
    };

    [Test]
    public async Task Create_answers_a_long_running_operation_naming_the_service_and_get_reads_int64_generation_from_a_string()
    {
        var operation = await _api.CreateServiceAsync(Parent, "web", Service(), CancellationToken.None);
        var service = await _api.GetServiceAsync($"{Parent}/services/web", CancellationToken.None);

        Assert.That(operation.Name, Does.StartWith($"{Parent}/operations/"));
        Assert.That(operation.Metadata!["@type"].GetString(), Is.EqualTo("type.googleapis.com/google.cloud.run.v2.Service"));
        Assert.That(service.Generation, Is.EqualTo(1));
        Assert.That(service.LatestCreatedRevision, Does.StartWith($"{Parent}/services/web/revisions/web-"));
    }

    [Test]
    public async Task List_pages_with_page_tokens_until_the_last_page()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _api.CreateServiceAsync(Parent, id, Service(), CancellationToken.None);
        }
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _api.ListServicesAsync(Parent, token, 2, CancellationToken.None);
            names.AddRange(page.Services!.Select(s => s.Name!.Split('/')[^1]));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.That(names, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(pages, Is.EqualTo(2));
    }

    [Test]
    public async Task A_missing_service_is_a_typed_404_that_is_not_retryable()
    {
        var error = Assert.ThrowsAsync<RunApiException>(() => _api.GetServiceAsync($"{Parent}/services/nope", CancellationToken.None));

        Assert.That(error!.HttpStatus, Is.EqualTo(404));
        Assert.That(error.Status, Is.EqualTo("NOT_FOUND"));
        Assert.That(error.IsRetryable, Is.False);
        await Task.CompletedTask;
    }

    [Test]
    public async Task An_injected_throttle_is_a_retryable_429_RESOURCE_EXHAUSTED()
    {
        _host.State.OnCall(call => call.Service == "run" ? CallDirective.Fail("ThrottlingException", "Rate exceeded") : CallDirective.Proceed);

        var error = Assert.ThrowsAsync<RunApiException>(() => _api.ListServicesAsync(Parent, null, null, CancellationToken.None));

        Assert.That((error!.HttpStatus, error.Status, error.IsRetryable), Is.EqualTo((429, "RESOURCE_EXHAUSTED", true)));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Revisions_and_operations_are_read_by_their_full_names()
    {
        var operation = await _api.CreateServiceAsync(Parent, "web", Service(), CancellationToken.None);
        var revisions = await _api.ListRevisionsAsync($"{Parent}/services/web", null, 10, CancellationToken.None);
        var revision = await _api.GetRevisionAsync(revisions.Revisions![0].Name!, CancellationToken.None);
        var polled = await _api.GetOperationAsync(operation.Name!, CancellationToken.None);
        var waited = await _api.WaitOperationAsync(operation.Name!, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.That(revision.Service, Is.EqualTo($"{Parent}/services/web"));
        Assert.That(polled.Name, Is.EqualTo(operation.Name));
        Assert.That(waited.Name, Is.EqualTo(operation.Name));
    }

    [Test]
    public async Task Every_request_carries_the_bearer_token()
    {
        string? authorization = null;
        using var http = new HttpClient(new Capture(r => authorization = r.Headers.Authorization?.ToString()));
        var api = new CloudRunApiClient(http, new CloudRunEndpoint(_host.BaseUri), new FixedTokenSource("t0ken"));

        Assert.ThrowsAsync<RunApiException>(() => api.GetServiceAsync($"{Parent}/services/web", CancellationToken.None));

        Assert.That(authorization, Is.EqualTo("Bearer t0ken"));
        await Task.CompletedTask;
    }

    private sealed class Capture(Action<HttpRequestMessage> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent(new JsonObject { ["error"] = new JsonObject { ["code"] = 404, ["status"] = "NOT_FOUND", ["message"] = "no" } }.ToJsonString(), Encoding.UTF8, "application/json"),
            });
        }
    }
}
