using System.Text;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Errors;
using Reconciler.Testing.Http;

namespace Reconciler.Platforms.CloudRun.Tests.Wire;

/// <summary>
/// How the Cloud Run client reads a successful answer: streamed from the connection (never buffered whole), an empty
/// body as an empty response, a broken or stalled body as a retryable error, a bad one without its payload.
/// The transport (<see cref="StreamedAnswerHandler"/>) hands the body out like a connection and refuses to be buffered whole.
/// </summary>
public sealed class ResponseBodyTests
{
    private const string Parent = "projects/demo/locations/europe-west1";

    [Test]
    public async Task A_large_list_is_read_from_the_connection_as_it_arrives_not_buffered_whole_first()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"{Parent}/services/web-{i:0000}").ToList();
        var json = "{\"services\":[" + string.Join(",", names.Select(n =>
            $$$"""{"name":"{{{n}}}","generation":"3","ingress":"INGRESS_TRAFFIC_ALL","labels":{"team":"web"}}""")) + "],\"nextPageToken\":\"p2\"}";
        var api = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes(json)));

        var page = await api.ListServicesAsync(Parent, null, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(json, Has.Length.GreaterThan(200_000));
            Assert.That(page.Services!.Select(s => s.Name), Is.EqualTo(names));
            Assert.That(page.Services!.Select(s => s.Generation), Is.All.EqualTo(3));
            Assert.That(page.NextPageToken, Is.EqualTo("p2"));
        });
    }

    [Test]
    public async Task An_empty_body_sent_without_a_length_is_an_empty_response()
    {
        var api = Client(new StreamedAnswerHandler([]));

        var operation = await api.GetOperationAsync($"{Parent}/operations/op-1", CancellationToken.None);

        Assert.That((operation.Name, operation.Done), Is.EqualTo(((string?)null, (bool?)null)));
    }

    [Test]
    public void An_answer_cut_off_mid_body_is_a_retryable_UNAVAILABLE()
    {
        var api = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"name":"projects/demo/locat"""), BodyEnd.Fail));

        var error = Assert.ThrowsAsync<RunApiException>(() => api.GetServiceAsync($"{Parent}/services/web", CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.HttpStatus, error.Status, error.IsRetryable), Is.EqualTo((0, "UNAVAILABLE", true)));
            Assert.That(error.Message, Does.StartWith("services.get: could not reach http://127.0.0.1:4566/"));
        });
    }

    [Test]
    public void A_body_that_stalls_past_the_client_timeout_is_a_retryable_DEADLINE_EXCEEDED()
    {
        var api = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":["""), BodyEnd.Stall), TimeSpan.FromMilliseconds(300));

        var error = Assert.ThrowsAsync<RunApiException>(() => api.ListServicesAsync(Parent, null, null, CancellationToken.None))!;

        Assert.That((error.HttpStatus, error.Status, error.IsRetryable), Is.EqualTo((0, "DEADLINE_EXCEEDED", true)));
    }

    [Test]
    public void A_body_that_ends_inside_the_json_is_a_malformed_response_that_quotes_none_of_it()
    {
        var api = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"name":"web","labels":{"secret":"hunter2""")));

        var error = Assert.ThrowsAsync<RunApiException>(() => api.GetServiceAsync($"{Parent}/services/web", CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.HttpStatus, error.Status, error.IsRetryable), Is.EqualTo((200, "MALFORMED_RESPONSE", false)));
            Assert.That(error.Message, Does.StartWith("services.get: the answer could not be read at $"));
            Assert.That(error.Message, Does.Not.Contain("hunter2"));
            Assert.That(error.InnerException, Is.Null);
        });
    }

    [Test]
    public void Cancellation_by_the_caller_while_the_body_arrives_stays_a_cancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var api = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":["""), BodyEnd.Stall));

        Assert.CatchAsync<OperationCanceledException>(() => api.ListServicesAsync(Parent, null, null, cts.Token));
    }

    private static CloudRunApiClient Client(StreamedAnswerHandler answer, TimeSpan? timeout = null) =>
        new(new HttpClient(answer) { Timeout = timeout ?? TimeSpan.FromSeconds(30) },
            new CloudRunEndpoint(new Uri("http://127.0.0.1:4566/")), FixedTokenSource.Emulator);
}
