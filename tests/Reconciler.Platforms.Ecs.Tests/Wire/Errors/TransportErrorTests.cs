using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ecs;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Errors;

public sealed class TransportErrorTests
{
    private static readonly DescribeServicesRequest Request = new() { Services = ["web"] };

    [Test]
    public async Task A_refused_connection_is_a_retryable_transport_error_naming_the_endpoint()
    {
        var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok());
        var url = server.Url;
        await server.DisposeAsync(); // nothing listens there any more
        using var clients = TestClients.For(url);

        var error = Assert.ThrowsAsync<AwsTransportException>(() => clients.Ecs.DescribeServicesAsync(Request))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.Transport));
            Assert.That(error.Message, Does.StartWith($"ECS DescribeServices could not reach {url}"));
        });
    }

    [Test]
    public void A_reset_connection_is_a_retryable_transport_error()
    {
        using var clients = With(new ThrowingHandler(new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset))));

        var error = Assert.ThrowsAsync<AwsTransportException>(() => clients.Ecs.DescribeServicesAsync(Request))!;

        Assert.That(error.IsRetryable, Is.True);
    }

    [Test]
    public void A_timeout_the_caller_did_not_ask_for_is_a_retryable_timeout()
    {
        using var clients = With(new ThrowingHandler(new TaskCanceledException("timed out", new TimeoutException())));

        var error = Assert.ThrowsAsync<AwsTransportException>(() => clients.Ecs.DescribeServicesAsync(Request))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.Timeout));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [Test]
    public void Cancellation_by_the_caller_stays_a_cancellation()
    {
        using var clients = With(new ThrowingHandler(new HttpRequestException("never reached")));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => clients.Ecs.DescribeServicesAsync(Request, cts.Token));
    }

    private static AwsClients With(HttpMessageHandler handler) =>
        AwsClients.Create(TestClients.Region, AwsEndpointResolver.Fixed(new Uri("http://127.0.0.1:4566/")),
            new StaticCredentialsSource(TestClients.Credentials), handler, new FakeTimeProvider(TestClients.Now));

    private sealed class ThrowingHandler(Exception error) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromException<HttpResponseMessage>(error);
        }
    }
}
