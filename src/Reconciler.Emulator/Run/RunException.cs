namespace Reconciler.Emulator.Run;

/// <summary>A Google-shaped error: <c>{error: {code, status, message, details}}</c> with the HTTP status.</summary>
internal sealed class RunException(int code, string status, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string Status { get; } = status;

    public static RunException InvalidArgument(string message) => new(400, "INVALID_ARGUMENT", message);

    public static RunException NotFound(string name) => new(404, "NOT_FOUND", $"Resource '{name}' was not found");

    public static RunException AlreadyExists(string message) => new(409, "ALREADY_EXISTS", message);

    public static RunException Unauthenticated() => new(401, "UNAUTHENTICATED",
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
}
