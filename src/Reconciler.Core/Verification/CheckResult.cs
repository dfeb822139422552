namespace Reconciler.Core.Verification;

/// <summary>What one probe or query found.</summary>
public enum CheckResult
{
    Pass,
    Fail,
    /// <summary>No answer to judge (a Prometheus query with no data).</summary>
    Inconclusive,
}
