namespace Reconciler.Platforms.Ecs.Wire.Errors;

// Typed errors for the codes callers branch on. Small and alike, so they share one file.

public sealed class ThrottlingException(string code, string message, int httpStatus)
    : AwsApiException(code, message, httpStatus, isRetryable: true);

public sealed class ServerException(string code, string message, int httpStatus)
    : AwsApiException(code, message, httpStatus, isRetryable: true);

public sealed class ClientException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.Client, message, httpStatus, isRetryable: false);

public sealed class ServiceNotFoundException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.ServiceNotFound, message, httpStatus, isRetryable: false);

public sealed class ClusterNotFoundException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.ClusterNotFound, message, httpStatus, isRetryable: false);

public sealed class ParameterNotFoundException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.ParameterNotFound, message, httpStatus, isRetryable: false);

public sealed class AccessDeniedException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.AccessDenied, message, httpStatus, isRetryable: false);

public sealed class InvalidParameterException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.InvalidParameter, message, httpStatus, isRetryable: false);

public sealed class ResourceNotFoundException(string message, int httpStatus)
    : AwsApiException(AwsErrorCodes.ResourceNotFound, message, httpStatus, isRetryable: false);

/// <summary>No response arrived: connection refused or reset, DNS failure, timeout. Always retryable.</summary>
public sealed class AwsTransportException(string code, string message, Exception inner)
    : AwsApiException(code, message, httpStatus: 0, isRetryable: true, inner);

/// <summary>Local set-up is wrong (no credentials, bad endpoint URL): retrying cannot help, the operator must act.</summary>
public sealed class AwsConfigurationException(string code, string message)
    : AwsApiException(code, message, httpStatus: 0, isRetryable: false);
