namespace Reconciler.Platforms.CloudRun.Wire.Errors;

/// <summary>
/// A failed Cloud Run Admin API call, from Google's error body <c>{error: {code, status, message, details}}</c>:
/// the HTTP status (0 when no answer arrived), the canonical status name (RESOURCE_EXHAUSTED, NOT_FOUND, ...), the
/// message and whether trying again may succeed. The client never retries; the call policy decides from
/// <see cref="IsRetryable"/>. Messages never carry request bodies.
/// </summary>
internal class RunApiException(int httpStatus, string status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int HttpStatus { get; } = httpStatus;

    public string Status { get; } = status;

    /// <summary>429 RESOURCE_EXHAUSTED, 500, 502, 503 UNAVAILABLE, 504 and no answer at all; never 400, 403, 404, 409.</summary>
    public bool IsRetryable => HttpStatus is 0 or 429 or 500 or 502 or 503 or 504;

    public bool IsThrottling => HttpStatus == 429;

    public bool IsNotFound => HttpStatus == 404;

    public bool IsAlreadyExists => HttpStatus == 409 && Status == "ALREADY_EXISTS";
}
