namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// A non-idempotent write got no answer (connection lost, attempt timed out, 5xx): it may or may not have been
/// applied. Deliberately not an AwsApiException, so the retry pipeline lets it through and the caller looks before
/// writing again.
/// </summary>
internal sealed class UncertainWriteException(string operation, Exception inner)
    : Exception($"{operation} got no answer, so it may or may not have been applied: {inner.Message}", inner);
