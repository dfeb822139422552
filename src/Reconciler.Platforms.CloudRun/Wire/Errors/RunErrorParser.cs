using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reconciler.Platforms.CloudRun.Wire.Errors;

/// <summary>Turns a non-2xx answer into a typed <see cref="RunApiException"/>; a body that is not Google's shape keeps only the status.</summary>
internal static partial class RunErrorParser
{
    public static RunApiException Parse(string operation, int httpStatus, byte[] body)
    {
        var (status, message) = Read(body);
        status ??= DefaultStatus(httpStatus);
        var text = $"{operation}: {httpStatus} {status}: {message ?? "(no message)"}";
        if (httpStatus == 409 && message is not null && Conflict().Match(message) is { Success: true } match)
        {
            return new RevisionConflictException(httpStatus, status, text, match.Groups[1].Value);
        }
        return new RunApiException(httpStatus, status, text);
    }

    private static (string? Status, string? Message) Read(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return (Str(error, "status"), Str(error, "message"));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the HTTP status alone has to do.
        }
        return (null, null);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The canonical code Google uses for each HTTP status (google.rpc.Code mapping).</summary>
    private static string DefaultStatus(int httpStatus) => httpStatus switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => httpStatus >= 500 ? "INTERNAL" : "UNKNOWN",
    };

    [GeneratedRegex(@"Revision named '([^']+)' with different configuration already exists")]
    private static partial Regex Conflict();
}
