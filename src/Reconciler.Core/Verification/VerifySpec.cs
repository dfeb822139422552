namespace Reconciler.Core.Verification;

/// <summary>
/// <c>spec.verify</c>: checks that must pass after the platform reports a rollout ready before it counts as
/// Completed. <see cref="BakeTime"/>: how long every check must keep passing (default <see cref="DefaultBakeTime"/>).
/// </summary>
public sealed record VerifySpec(
    TimeSpan? BakeTime = null,
    IReadOnlyList<HttpCheckSpec>? Http = null,
    PrometheusVerifySpec? Prometheus = null)
{
    public static readonly TimeSpan DefaultBakeTime = TimeSpan.FromMinutes(1);

    public TimeSpan EffectiveBakeTime => BakeTime ?? DefaultBakeTime;
}
