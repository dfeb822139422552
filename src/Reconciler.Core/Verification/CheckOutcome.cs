namespace Reconciler.Core.Verification;

/// <summary>What one probe or query found.</summary>
public enum CheckResult
{
    Pass,
    Fail,
    /// <summary>No answer to judge (a Prometheus query with no data).</summary>
    Inconclusive,
}

/// <summary>
/// One probe's result and its evidence a person can act on ("status 500, body: {"db":"down"}", "value 0.07, wants &lt; 0.01").
/// The evidence never holds a secret: a URL with credentials is refused by validation, and a body excerpt is bounded.
/// </summary>
public sealed record CheckOutcome(CheckResult Result, string Evidence);
