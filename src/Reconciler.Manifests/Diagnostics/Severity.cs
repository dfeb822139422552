namespace Reconciler.Manifests.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
