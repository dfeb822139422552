namespace Reconciler.Emulator.Wire;

/// <summary>An error the emulator returns the way AWS does: HTTP status plus <c>{"__type":..., "message":...}</c>.</summary>
internal sealed class AwsException(string type, string message, int status = 400) : Exception(message)
{
    public string Type { get; } = type;

    public int Status { get; } = status;

    public static AwsException Ecs(string message) => new("InvalidParameterException", message);

    public static AwsException Client(string message) => new("ClientException", message);

    public static AwsException SsmValidation(string message) => new("ValidationException", message);
}
