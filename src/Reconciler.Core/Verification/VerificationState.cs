namespace Reconciler.Core.Verification;

/// <summary>
/// Where the verification of one rollout stands: which version it verifies (<see cref="Target"/>), under which verify
/// spec (<see cref="SpecHash"/>), since when, and the results per check (by <see cref="VerificationCheck.Index"/>).
/// Kept in the resource's tags or annotations (<see cref="VerificationTags"/>), so a restarted daemon resumes it.
/// </summary>
public sealed record VerificationState(string Target, string SpecHash, DateTimeOffset StartedAt, IReadOnlyList<CheckResults> Checks)
{
    /// <summary>A verification of <paramref name="target"/> that starts at <paramref name="now"/>, with no results yet.</summary>
    public static VerificationState Start(VerifySpec spec, string target, DateTimeOffset now) =>
        new(target, VerifySpecHash.Of(spec), now, [.. VerificationCheck.All(spec).Select(_ => CheckResults.None)]);

    public CheckResults Results(int index) => index < Checks.Count ? Checks[index] : CheckResults.None;

    /// <summary>This state with <paramref name="outcome"/> of check <paramref name="index"/> at <paramref name="at"/>.</summary>
    public VerificationState With(int index, CheckOutcome outcome, DateTimeOffset at)
    {
        var checks = Checks.ToList();
        while (checks.Count <= index)
        {
            checks.Add(CheckResults.None);
        }
        checks[index] = checks[index].Add(outcome, at);
        return this with { Checks = checks };
    }

    /// <summary>Whether this state verifies <paramref name="target"/> under <paramref name="spec"/> (else it is stale: start afresh).</summary>
    public bool IsFor(VerifySpec spec, string target) => Target == target && SpecHash == VerifySpecHash.Of(spec);
}
