namespace Reconciler.Core.Verification;

/// <summary>
/// One HTTP probe. <see cref="Url"/> may contain <c>{revision}</c> or <c>{taskDefinition}</c>; the response passes
/// when its status is one of <see cref="ExpectStatus"/> (default 200) and, if set, its body matches
/// <see cref="ExpectBody"/>. <see cref="FailureLimit"/>: failed probes tolerated before the check fails.
/// </summary>
public sealed record HttpCheckSpec(
    string Name,
    string Url,
    ExpectedStatus? ExpectStatus = null,
    string? ExpectBody = null,
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    int? FailureLimit = null)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public IReadOnlyList<int> EffectiveStatus => ExpectStatus?.Codes ?? [200];
}
