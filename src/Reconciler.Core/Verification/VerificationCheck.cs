namespace Reconciler.Core.Verification;

/// <summary>
/// One check of <c>spec.verify</c> as the verifier sees it, whatever its kind: its position (HTTP checks first, then
/// Prometheus checks, in manifest order), how often it runs and how many bad results it tolerates.
/// <see cref="Count"/>: a Prometheus check's number of evaluations (null: it keeps running until the bake ends).
/// </summary>
public sealed record VerificationCheck(int Index, string Name, string Kind, TimeSpan Interval, int FailureLimit, int InconclusiveLimit, int? Count)
{
    public const string HttpKind = "http";
    public const string PrometheusKind = "prometheus";

    /// <summary>Every check of <paramref name="spec"/>, in the order their results are stored.</summary>
    public static IReadOnlyList<VerificationCheck> All(VerifySpec spec)
    {
        var http = (spec.Http ?? []).Select((h, i) =>
            new VerificationCheck(i, h.Name, HttpKind, h.Interval ?? HttpCheckSpec.DefaultInterval, h.FailureLimit ?? 0, 0, null));
        var offset = spec.Http?.Count ?? 0;
        var prometheus = (spec.Prometheus?.Checks ?? []).Select((p, i) =>
            new VerificationCheck(offset + i, p.Name, PrometheusKind, p.Interval ?? PrometheusCheckSpec.DefaultInterval,
                p.FailureLimit ?? 0, p.InconclusiveLimit ?? 0, p.Count));
        return [.. http, .. prometheus];
    }
}
