using System.Net.Http.Headers;
using System.Text.Json;

namespace Reconciler.Platforms.Ecs.Wire.Errors;

/// <summary>
/// Turns a non-2xx AWS JSON 1.1 response into a typed <see cref="AwsApiException"/>. The code comes from the body's
/// <c>__type</c> (e.g. <c>com.amazonaws.ecs#ThrottlingException</c>) or, failing that, the <c>x-amzn-ErrorType</c>
/// header; the message from <c>message</c> or <c>Message</c>. The raw body is never copied into the exception.
/// </summary>
internal static class AwsErrorParser
{
    public static AwsApiException Parse(string service, string operation, int status, ReadOnlySpan<byte> body, HttpResponseHeaders headers)
    {
        var (type, awsMessage) = ReadBody(body);
        type ??= headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var code = NormalizeCode(type) ?? CodeForBareStatus(status);
        var message = $"{service} {operation} failed with {code} (HTTP {status})" + (awsMessage is null ? "" : $": {awsMessage}");
        return Create(code, message, status);
    }

    /// <summary>"aws.protocoltests#FooError:http://internal" → "FooError".</summary>
    internal static string? NormalizeCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':');
        return (colon >= 0 ? code[..colon] : code).Trim();
    }

    internal static string CodeForBareStatus(int status) => status switch
    {
        429 => AwsErrorCodes.Throttling,
        >= 500 => AwsErrorCodes.Server,
        _ => AwsErrorCodes.UnknownError,
    };

    internal static AwsApiException Create(string code, string message, int status) => code switch
    {
        _ when AwsErrorCodes.IsThrottling(code) => new ThrottlingException(code, message, status),
        AwsErrorCodes.Client => new ClientException(message, status),
        AwsErrorCodes.ServiceNotFound => new ServiceNotFoundException(message, status),
        AwsErrorCodes.ClusterNotFound => new ClusterNotFoundException(message, status),
        AwsErrorCodes.ParameterNotFound => new ParameterNotFoundException(message, status),
        AwsErrorCodes.AccessDenied => new AccessDeniedException(message, status),
        AwsErrorCodes.InvalidParameter => new InvalidParameterException(message, status),
        AwsErrorCodes.ResourceNotFound => new ResourceNotFoundException(message, status),
        _ when AwsErrorCodes.IsRetryable(code, status) => new ServerException(code, message, status),
        _ => new AwsApiException(code, message, status, isRetryable: false),
    };

    private static (string? Type, string? Message) ReadBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }
            var root = document.RootElement;
            return (Text(root, "__type") ?? Text(root, "code"), Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, null); // e.g. an HTML page from a proxy; the status code still classifies it
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
