namespace Reconciler.Platforms.Ecs.Wire.Errors;

/// <summary>
/// A failed AWS call: the error code AWS returned (after stripping any <c>namespace#</c> prefix), its message,
/// the HTTP status (0 when no response arrived) and whether trying again may succeed. The clients never retry;
/// the engine's Polly pipeline decides from <see cref="IsRetryable"/>. Messages never carry request payloads.
/// </summary>
public class AwsApiException : Exception
{
    public AwsApiException(string errorCode, string message, int httpStatus, bool isRetryable, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
        IsRetryable = isRetryable;
    }

    public string ErrorCode { get; }

    public int HttpStatus { get; }

    public bool IsRetryable { get; }
}
