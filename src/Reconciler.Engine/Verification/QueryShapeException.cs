namespace Reconciler.Engine.Verification;

/// <summary>A query whose answer is not one value: a failure of the check, with the fix in the message.</summary>
internal sealed class QueryShapeException(string message) : Exception(message);
