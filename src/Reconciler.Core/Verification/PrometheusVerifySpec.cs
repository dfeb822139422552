namespace Reconciler.Core.Verification;

/// <summary><c>verify.prometheus</c>: the server's base address and the instant queries to evaluate against it.</summary>
public sealed record PrometheusVerifySpec(string Address, IReadOnlyList<PrometheusCheckSpec> Checks);

/// <summary>
/// One instant query whose single scalar or vector value must satisfy <see cref="SuccessCondition"/> (e.g. <c>&lt; 0.01</c>).
/// It is evaluated <see cref="Count"/> times, <see cref="Interval"/> apart; more than <see cref="FailureLimit"/> failed
/// or <see cref="InconclusiveLimit"/> empty results fail the check.
/// </summary>
public sealed record PrometheusCheckSpec(
    string Name,
    string Query,
    string SuccessCondition,
    TimeSpan? Interval = null,
    int? Count = null,
    int? FailureLimit = null,
    int? InconclusiveLimit = null)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
}
