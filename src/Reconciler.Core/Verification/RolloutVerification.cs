namespace Reconciler.Core.Verification;

/// <summary>
/// What a platform's decider passes to <see cref="Reconciling.DecisionRules.FromVerdict"/> when the desired spec has
/// <c>verify</c>: the spec, the state recorded in the resource's tags or annotations (null when none), the decision's
/// <c>now</c>, and the placeholder values for the version being rolled out.
/// </summary>
public sealed record RolloutVerification(VerifySpec Spec, VerificationState? Recorded, DateTimeOffset Now, IReadOnlyDictionary<string, string> Placeholders)
{
    /// <summary>Null when the spec has no <c>verify</c>: the rollout completes on the platform's readiness alone.</summary>
    public static RolloutVerification? For(VerifySpec? spec, Func<string, string?> tag, DateTimeOffset now, IReadOnlyDictionary<string, string> placeholders) =>
        spec is null ? null : new RolloutVerification(spec, VerificationTags.Decode(tag), now, placeholders);
}
