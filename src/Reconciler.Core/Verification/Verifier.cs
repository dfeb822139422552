using System.Globalization;

namespace Reconciler.Core.Verification;

/// <summary>
/// The verification state machine, pure: from the verify spec, the state so far (start time, results per check) and
/// <c>now</c>, it says which checks are due and the verdict. A check fails when its failures exceed
/// <c>failureLimit</c> or its inconclusive results exceed <c>inconclusiveLimit</c>; the verification passes when
/// <c>bakeTime</c> has elapsed since it started, every HTTP check's last probe passed and every Prometheus check ran
/// its <c>count</c> (or, without a count, ran at least once and last passed). Argo Rollouts' analysis runs judge the same
/// way (failureLimit / inconclusiveLimit / count).
/// </summary>
public static class Verifier
{
    public static VerificationVerdict Evaluate(VerifySpec spec, VerificationState state, DateTimeOffset now)
    {
        var checks = VerificationCheck.All(spec);
        foreach (var check in checks)
        {
            if (Failure(check, state.Results(check.Index)) is { } failure)
            {
                return new VerificationVerdict.Failed(failure);
            }
        }
        var bakeEnds = state.StartedAt + spec.EffectiveBakeTime;
        var progress = Progress(checks, state);
        if (now >= bakeEnds && checks.All(c => IsSatisfied(c, state.Results(c.Index))))
        {
            return new VerificationVerdict.Passed($"verified: {progress}");
        }
        var open = checks.Where(c => !IsComplete(c, state.Results(c.Index))).ToList();
        var due = open.Where(c => NextAt(c, state.Results(c.Index)) <= now).ToList();
        var next = open.Select(c => NextAt(c, state.Results(c.Index))).Where(t => t > now)
            .Append(bakeEnds > now ? bakeEnds : DateTimeOffset.MaxValue).Min();
        var baking = now < bakeEnds ? $"; baking {Format(now - state.StartedAt)} of {Format(spec.EffectiveBakeTime)}" : "";
        return new VerificationVerdict.Running($"verifying: {progress}{baking}", due, next == DateTimeOffset.MaxValue ? now : next);
    }

    private static string? Failure(VerificationCheck check, CheckResults r)
    {
        if (r.Failures > check.FailureLimit)
        {
            return $"check {check.Name} failed {r.Failures} time{(r.Failures == 1 ? "" : "s")} (failureLimit {check.FailureLimit}): {r.LastEvidence}";
        }
        if (r.Inconclusives > check.InconclusiveLimit)
        {
            return $"check {check.Name} was inconclusive {r.Inconclusives} time{(r.Inconclusives == 1 ? "" : "s")} " +
                $"(inconclusiveLimit {check.InconclusiveLimit}): {r.LastEvidence}";
        }
        return null;
    }

    /// <summary>A counted check that ran its count takes no more measurements.</summary>
    private static bool IsComplete(VerificationCheck check, CheckResults r) => check.Count is { } count && r.Measurements >= count;

    private static bool IsSatisfied(VerificationCheck check, CheckResults r) =>
        check.Count is { } count ? r.Measurements >= count : r.Last == CheckResult.Pass;

    private static DateTimeOffset NextAt(VerificationCheck check, CheckResults r) =>
        r.LastAt is { } last ? last + check.Interval : DateTimeOffset.MinValue;

    private static string Progress(IReadOnlyList<VerificationCheck> checks, VerificationState state) =>
        string.Join(", ", checks.Select(c =>
        {
            var r = state.Results(c.Index);
            return c.Count is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Name} {r.Measurements}/{count}")
                : string.Create(CultureInfo.InvariantCulture, $"{c.Name} {r.Passes}/{r.Measurements} ok");
        }));

    private static string Format(TimeSpan t) => t.TotalMinutes >= 1 && t.Seconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalSeconds}s");
}
