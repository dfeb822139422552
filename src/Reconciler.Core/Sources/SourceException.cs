namespace Reconciler.Core.Sources;

/// <summary>
/// A desired-state source could not be read. The message is meant for people: it names the source and
/// the fix, and never contains credentials (sources redact them before throwing).
/// </summary>
public sealed class SourceException : Exception
{
    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
