using System.Net.Sockets;
using Amazon.Runtime;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// Maps what the SDK throws onto the project's typed AWS errors: a service error by its code and HTTP status (the same
/// table as <see cref="AwsErrorParser"/>), no response at all to a retryable <see cref="AwsTransportException"/>.
/// A cancellation the caller asked for stays a cancellation (returns null). Messages are the SDK's, which carry no
/// response payload.
/// </summary>
internal static class SsmErrorMapper
{
    public static Exception? Map(string operation, Exception error, CancellationToken ct)
    {
        if (ct.IsCancellationRequested && error is OperationCanceledException)
        {
            return null;
        }
        return Unwrap(error) switch
        {
            AwsApiException ours => ours, // from our credentials source, raised inside the SDK's pipeline
            // The SDK's unmarshalling message quotes the response body (parameter values): keep neither it nor the exception.
            AmazonUnmarshallingException => new AwsApiException(AwsErrorCodes.MalformedResponse,
                $"SSM {operation} returned a response that could not be read", httpStatus: 200, isRetryable: false),
            AmazonServiceException e when e.StatusCode != 0 || !string.IsNullOrEmpty(e.ErrorCode) => Service(operation, e),
            OperationCanceledException e => new AwsTransportException(AwsErrorCodes.Timeout, $"SSM {operation} timed out waiting for a response", e),
            HttpRequestException or IOException or SocketException or AmazonServiceException =>
                new AwsTransportException(AwsErrorCodes.Transport, $"SSM {operation} could not reach the endpoint: {error.Message}", error),
            AmazonClientException e => new AwsApiException(AwsErrorCodes.UnknownError, $"SSM {operation} failed in the SDK: {e.Message}", 0, isRetryable: false, e),
            _ => null,
        };
    }

    private static AwsApiException Service(string operation, AmazonServiceException e)
    {
        var status = (int)e.StatusCode;
        var code = AwsErrorParser.NormalizeCode(e.ErrorCode) ?? AwsErrorParser.CodeForBareStatus(status);
        var message = $"SSM {operation} failed with {code} (HTTP {status})" + (string.IsNullOrEmpty(e.Message) ? "" : $": {e.Message}");
        return AwsErrorParser.Create(code, message, status);
    }

    /// <summary>The SDK may wrap a transport or credentials failure once or twice; the innermost known cause decides.</summary>
    private static Exception Unwrap(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AwsApiException or HttpRequestException or SocketException)
            {
                return e;
            }
        }
        return error;
    }
}
