using Microsoft.Extensions.Time.Testing;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ssm;

/// <summary>
/// What the SSM SDK throws becomes the project's typed AWS errors (so Polly classifies SSM and ECS alike), and the SDK
/// itself never retries: one call is one request, whatever the answer.
/// </summary>
public sealed class SsmSdkErrorTests
{
    private static IEnumerable<TestCaseData> Errors()
    {
        yield return new TestCaseData(CannedResponse.Error(400, "ParameterNotFound", "Parameter /a not found."), typeof(ParameterNotFoundException), false)
            .SetName("ParameterNotFound is a typed, non-retryable ParameterNotFoundException");
        yield return new TestCaseData(CannedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform ssm:GetParameters"),
            typeof(AccessDeniedException), false).SetName("AccessDenied is a typed, non-retryable AccessDeniedException");
        yield return new TestCaseData(CannedResponse.Error(400, "ThrottlingException", "Rate exceeded"), typeof(ThrottlingException), true)
            .SetName("ThrottlingException is a typed, retryable ThrottlingException");
        yield return new TestCaseData(CannedResponse.Error(500, "InternalServerError", "try again"), typeof(ServerException), true)
            .SetName("InternalServerError is a retryable ServerException");
        yield return new TestCaseData(new CannedResponse(503, ""), typeof(ServerException), true)
            .SetName("a bare 503 without an error body is a retryable ServerException");
    }

    [TestCaseSource(nameof(Errors))]
    public async Task A_service_error_is_mapped_to_the_typed_error_and_sent_only_once(CannedResponse answer, Type expected, bool retryable)
    {
        await using var server = await AwsRecorder.StartAsync(_ => answer);
        using var clients = TestClients.For(server.Url);

        var error = Assert.CatchAsync<AwsApiException>(() => clients.Ssm.GetParametersAsync(["/a"], CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(expected));
            Assert.That(error.IsRetryable, Is.EqualTo(retryable));
            Assert.That(error.HttpStatus, Is.EqualTo(answer.Status));
            Assert.That(server.Requests, Has.Count.EqualTo(1), "the SDK's own retries are off (MaxErrorRetry = 0): Polly is the one retry layer");
        });
    }

    [Test]
    public async Task A_refused_connection_is_a_retryable_transport_error()
    {
        var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok());
        var url = server.Url;
        await server.DisposeAsync(); // nothing listens there any more
        using var clients = TestClients.For(url);

        var error = Assert.ThrowsAsync<AwsTransportException>(() => clients.Ssm.GetParametersAsync(["/a"], CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.Transport));
        });
    }

    [Test]
    public void Cancellation_by_the_caller_stays_a_cancellation()
    {
        using var clients = TestClients.For(new CapturingHandler(_ => CannedResponse.Ok()));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => clients.Ssm.GetParametersAsync(["/a"], cts.Token));
    }

    [Test]
    public void A_response_that_cannot_be_read_is_reported_without_its_values()
    {
        using var clients = TestClients.For(new CapturingHandler(_ =>
            CannedResponse.Ok("""{"Parameters":[{"Name":"/app/db","Value":"hunter2","Version":"not-a-number"}]}""")));

        var error = Assert.ThrowsAsync<AwsApiException>(() => clients.Ssm.GetParametersAsync(["/app/db"], CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.MalformedResponse));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.ToString(), Does.Not.Contain("hunter2"));
            Assert.That(error.InnerException, Is.Null);
        });
    }

    [Test]
    public void Missing_credentials_surface_as_the_credential_chains_own_error()
    {
        var failing = new DefaultChainCredentialsSource(() => throw new Amazon.Runtime.AmazonClientException("no providers"));
        using var clients = AwsClients.Create(TestClients.Region, AwsEndpointResolver.Fixed(new Uri("http://127.0.0.1:4566/")), failing,
            new CapturingHandler(_ => CannedResponse.Ok()), new FakeTimeProvider(TestClients.Now));

        var error = Assert.ThrowsAsync<AwsConfigurationException>(() => clients.Ssm.GetParametersAsync(["/a"], CancellationToken.None))!;

        Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.NoCredentials));
    }
}
