using System.Text;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ecs;
using Reconciler.Platforms.Ecs.Wire.Errors;
using Reconciler.Testing.Http;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ecs;

/// <summary>
/// How the ECS client reads a successful answer: streamed from the connection (never buffered whole), an empty body
/// as an empty response, a broken or stalled body as a retryable transport error, a bad one without its payload.
/// The transport (<see cref="StreamedAnswerHandler"/>) hands the body out like a connection and refuses to be buffered whole.
/// </summary>
public sealed class ResponseBodyTests
{
    private static readonly DescribeServicesRequest Request = new() { Cluster = "prod", Services = ["web"] };

    [Test]
    public async Task A_large_answer_is_read_from_the_connection_as_it_arrives_not_buffered_whole_first()
    {
        var names = Enumerable.Range(0, 3000).Select(i => $"service-{i:0000}").ToList();
        var json = "{\"services\":[" + string.Join(",", names.Select(n =>
            $$"""{"serviceName":"{{n}}","serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/{{n}}","status":"ACTIVE"}""")) + "]}";
        var ecs = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes(json)));

        var response = await ecs.DescribeServicesAsync(Request);

        Assert.Multiple(() =>
        {
            Assert.That(json, Has.Length.GreaterThan(300_000));
            Assert.That(response.Services.Select(s => s.ServiceName), Is.EqualTo(names));
        });
    }

    [Test]
    public async Task An_empty_body_sent_without_a_length_is_an_empty_response()
    {
        var ecs = Client(new StreamedAnswerHandler([]));

        var response = await ecs.DescribeServicesAsync(Request);

        Assert.Multiple(() =>
        {
            Assert.That(response.Services, Is.Empty);
            Assert.That(response.Failures, Is.Empty);
        });
    }

    [Test]
    public void An_answer_cut_off_mid_body_is_a_retryable_transport_error()
    {
        var ecs = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":[{"serviceName":"web","status":"ACT"""), BodyEnd.Fail));

        var error = Assert.ThrowsAsync<AwsTransportException>(() => ecs.DescribeServicesAsync(Request))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.Transport));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.Message, Does.StartWith("ECS DescribeServices could not reach http://127.0.0.1:4566/"));
        });
    }

    [Test]
    public void A_body_that_stalls_past_the_client_timeout_is_a_retryable_timeout()
    {
        var ecs = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":["""), BodyEnd.Stall), TimeSpan.FromMilliseconds(300));

        var error = Assert.ThrowsAsync<AwsTransportException>(() => ecs.DescribeServicesAsync(Request))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.Timeout));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [Test]
    public void A_body_that_ends_inside_the_json_is_a_malformed_response_that_quotes_none_of_it()
    {
        var ecs = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":[{"serviceName":"db-password-hunter2"""), BodyEnd.End));

        var error = Assert.ThrowsAsync<AwsApiException>(() => ecs.DescribeServicesAsync(Request))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.MalformedResponse));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.Message, Does.StartWith("ECS DescribeServices returned a response that could not be read at $"));
            Assert.That(error.Message, Does.Not.Contain("hunter2"));
            Assert.That(error.InnerException, Is.Null);
        });
    }

    [Test]
    public void Cancellation_by_the_caller_while_the_body_arrives_stays_a_cancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var ecs = Client(new StreamedAnswerHandler(Encoding.UTF8.GetBytes("""{"services":["""), BodyEnd.Stall));

        Assert.CatchAsync<OperationCanceledException>(() => ecs.DescribeServicesAsync(Request, cts.Token));
    }

    private static EcsApiClient Client(StreamedAnswerHandler answer, TimeSpan? timeout = null)
    {
        var http = new HttpClient(answer) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        var endpoint = AwsServiceEndpoint.Ecs(AwsEndpointResolver.Fixed(new Uri("http://127.0.0.1:4566/")), TestClients.Region);
        return new EcsApiClient(new AwsJsonClient(http, endpoint, new StaticCredentialsSource(TestClients.Credentials), new FakeTimeProvider(TestClients.Now)));
    }
}
