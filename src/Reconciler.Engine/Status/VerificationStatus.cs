using Reconciler.Core.Verification;

namespace Reconciler.Engine.Status;

/// <summary>
/// The latest verification of a resource (<c>spec.verify</c>), served on <c>/status</c> and the status page.
/// <see cref="Result"/>: running, passed, failed, or stopped (the rollout failed on the platform before it finished).
/// </summary>
public sealed record VerificationStatus(string Target, DateTimeOffset StartedAt, string Result, IReadOnlyList<VerificationCheckStatus> Checks)
{
    public const string Running = "running";
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Stopped = "stopped";

    public static VerificationStatus Of(VerifySpec spec, VerificationState state, string result) => new(
        state.Target, state.StartedAt, result,
        [.. VerificationCheck.All(spec).Select(c =>
        {
            var r = state.Results(c.Index);
            return new VerificationCheckStatus(c.Name, c.Kind, r.Passes, r.Failures, r.Inconclusives, r.LastAt,
                r.Last?.ToString().ToLowerInvariant(), r.LastEvidence);
        })]);
}
