using System.Text.Json.Nodes;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>
/// Every request the client sends (path, query parameters, body members) and every answer the emulator gives is
/// checked against the vendored discovery document, over a run that uses every call Reconciler makes.
/// </summary>
public sealed class DiscoveryConformanceTests
{
    [Test]
    public async Task Every_request_and_every_emulator_answer_of_a_full_run_conforms_to_the_discovery_document()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await RunEverythingAsync(h);

        var exchanges = h.Recorder.Exchanges.ToList();
        var problems = exchanges.SelectMany(e => ExchangeChecker.Check(DiscoveryDocument.Load(), e)).ToList();

        var methods = exchanges.Select(e => DiscoveryDocument.Load().Match(e.Method, e.Uri.AbsolutePath)?.Id).Distinct().ToList();
        Assert.That(methods, Is.SupersetOf(new[]
        {
            "run.projects.locations.services.create", "run.projects.locations.services.get", "run.projects.locations.services.list",
            "run.projects.locations.services.patch", "run.projects.locations.services.revisions.list", "run.projects.locations.services.revisions.get",
            "run.projects.locations.operations.get", "run.projects.locations.operations.wait",
        }));
        Assert.That(exchanges.Count(e => e.RequestBody is { Length: > 0 }), Is.GreaterThanOrEqualTo(6), "bodies were checked");
        Assert.That(exchanges.Select(e => e.Status), Has.Some.EqualTo(404).And.Some.EqualTo(409), "the run covers error answers too");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    internal static async Task RunEverythingAsync(CloudRunHarness h)
    {
        var first = Seed001.Manifest();
        var second = Seed001.Manifest(name: "emergence-worker");
        await h.ConvergeAsync(first);
        await h.ConvergeAsync(second);
        await Task.WhenAll(h.Platform.ObserveAsync(first, CancellationToken.None), h.Platform.ObserveAsync(second, CancellationToken.None));
        var changed = Seed001.Manifest(Seed001.Image.Replace("v2025.10.11", "v2025.10.12"), traffic:
            [new CloudRunTrafficTarget(100, Latest: true), new CloudRunTrafficTarget(0, Latest: true, Tag: "candidate")]);
        await h.ConvergeAsync(changed);
        await h.Platform.ApplyAsync(new Plan(changed.Key, [new TagService(changed.Key, changed.Location, new Dictionary<string, string> { [CloudRunAnnotations.LastKnownGood] = "x" })]),
            new ApplyContext("abc123"), CancellationToken.None);

        using var http = new HttpClient(new RecordingHandlerAdapter(h.Recorder));
        var api = new CloudRunApiClient(http, new CloudRunEndpoint(h.Host.BaseUri), FixedTokenSource.Emulator);
        var parent = $"projects/{first.Spec.Project}/locations/{first.Spec.Region}";
        var page = await api.ListServicesAsync(parent, null, 1, CancellationToken.None);
        await api.ListServicesAsync(parent, page.NextPageToken, 1, CancellationToken.None);
        var service = $"{parent}/services/{first.Metadata.Name}";
        var revisions = await api.ListRevisionsAsync(service, null, 5, CancellationToken.None);
        await api.GetRevisionAsync(revisions.Revisions![0].Name!, CancellationToken.None);
        var live = await api.GetServiceAsync(service, CancellationToken.None);
        var body = live.ForWrite();
        body.Labels = new Dictionary<string, string> { ["app"] = "emergence", ["tier"] = "web" };
        var operation = await api.PatchServiceAsync(body, "labels", CancellationToken.None);
        await api.GetOperationAsync(operation.Name!, CancellationToken.None);
        await api.WaitOperationAsync(operation.Name!, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.ThrowsAsync<RunApiException>(() => api.GetServiceAsync($"{parent}/services/missing", CancellationToken.None));
        var failing = (await api.GetServiceAsync($"{parent}/services/{second.Metadata.Name}", CancellationToken.None)).ForWrite();
        failing.Template!.Revision = null;
        failing.Template.Containers![0].Image += "-unhealthy";
        var failed = await api.PatchServiceAsync(failing, "template", CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await api.GetOperationAsync(failed.Name!, CancellationToken.None)).Error?.Code, Is.EqualTo(9));
        await api.ListRevisionsAsync($"{parent}/services/{second.Metadata.Name}", null, 5, CancellationToken.None);
        await api.GetServiceAsync($"{parent}/services/{second.Metadata.Name}", CancellationToken.None);
        var conflict = live.ForWrite();
        conflict.Template!.Containers![0].Image = "europe-west1-docker.pkg.dev/x/y/z:other";
        Assert.ThrowsAsync<RevisionConflictException>(() => api.PatchServiceAsync(conflict, null, CancellationToken.None));
    }

    /// <summary>Lets a second client share the harness's recorder (a handler can belong to one HttpClient chain only).</summary>
    private sealed class RecordingHandlerAdapter(RecordingHandler recorder) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
            var response = await base.SendAsync(request, ct);
            recorder.Exchanges.Enqueue(new RecordedExchange(request.Method.Method, request.RequestUri!, body, (int)response.StatusCode,
                await response.Content.ReadAsStringAsync(ct)));
            return response;
        }
    }
}
