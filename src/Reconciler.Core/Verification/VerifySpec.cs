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

    /// <summary>
    /// How long a verification that keeps passing takes at most: the bake, or the longest counted Prometheus check
    /// (count × interval), plus one interval of the slowest check. What a waiting <c>apply</c> must allow for.
    /// </summary>
    public TimeSpan LongestRun => VerificationCheck.All(this)
        .Select(c => (c.Count is { } n ? n * c.Interval : TimeSpan.Zero, c.Interval))
        .Aggregate((Run: EffectiveBakeTime, Slowest: TimeSpan.Zero), (a, c) => (Max(a.Run, c.Item1), Max(a.Slowest, c.Interval)),
            a => a.Run + a.Slowest);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
