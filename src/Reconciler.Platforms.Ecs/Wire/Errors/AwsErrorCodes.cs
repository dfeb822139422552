namespace Reconciler.Platforms.Ecs.Wire.Errors;

/// <summary>Error codes the reconciler reacts to, as AWS spells them in <c>__type</c>.</summary>
public static class AwsErrorCodes
{
    public const string Throttling = "ThrottlingException";
    public const string Client = "ClientException";
    public const string Server = "ServerException";
    public const string ServiceNotFound = "ServiceNotFoundException";
    public const string ServiceNotActive = "ServiceNotActiveException";
    public const string ClusterNotFound = "ClusterNotFoundException";
    public const string ParameterNotFound = "ParameterNotFound";
    public const string AccessDenied = "AccessDeniedException";
    public const string InvalidParameter = "InvalidParameterException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string InternalServerError = "InternalServerError";

    /// <summary>Synthetic codes for failures that have no AWS error body.</summary>
    public const string Transport = "TransportError";
    public const string Timeout = "Timeout";
    public const string MalformedResponse = "MalformedResponse";
    public const string UnknownError = "UnknownError";
    public const string NoCredentials = "NoCredentials";
    public const string CredentialsUnavailable = "CredentialsUnavailable";
    public const string InvalidEndpoint = "InvalidEndpoint";

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        Throttling, "ThrottledException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
        "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException",
    };

    private static readonly HashSet<string> ServerCodes = new(StringComparer.Ordinal)
    {
        Server, InternalServerError, "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException", "InternalServerException",
    };

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    /// <summary>Throttling, server-side faults, any 5xx and HTTP 429 may succeed when tried again; the rest will not.</summary>
    public static bool IsRetryable(string code, int httpStatus) =>
        IsThrottling(code) || ServerCodes.Contains(code) || httpStatus >= 500 || httpStatus == 429;
}
