namespace Reconciler.Core.Seams;

/// <summary>
/// A per-resource failure a person can act on. <see cref="Retryable"/> false = stalled until the manifest changes
/// (e.g. cluster missing, parameter not found, access denied); true = back off and retry (throttling, 5xx).
/// The message must never contain a secret value.
/// </summary>
public sealed class PlatformException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
