namespace Reconciler.Core.Verification;

/// <summary>
/// What a watched rollout's decision hands the engine while it is being verified: the spec, the state so far (fresh,
/// not yet recorded, when the verification starts now), the checks due, when to look again, and the values of the URL
/// placeholders (<c>{revision}</c>, <c>{taskDefinition}</c>) for the version under verification. The engine runs the due
/// checks and records the new state as tags or annotations (<see cref="VerificationTags"/>) with the platform's
/// <c>TagService</c> action, written where <see cref="Location"/> says; the next decision reads it back.
/// </summary>
public sealed record VerificationRun(
    VerifySpec Spec,
    VerificationState State,
    IReadOnlyList<VerificationCheck> Due,
    DateTimeOffset NextAt,
    IReadOnlyDictionary<string, string> Placeholders,
    Planning.ActionLocation Location)
{
    /// <summary><paramref name="url"/> with each placeholder replaced by its (URI-escaped) value.</summary>
    public string Fill(string url) =>
        Placeholders.Aggregate(url, (u, p) => u.Replace(p.Key, Uri.EscapeDataString(p.Value), StringComparison.Ordinal));
}
