namespace Reconciler.Core.Verification;

/// <summary>The results of one check so far: counts, when it last ran, and the last result with its evidence.</summary>
public sealed record CheckResults(int Passes, int Failures, int Inconclusives, DateTimeOffset? LastAt, CheckResult? Last, string? LastEvidence)
{
    public static readonly CheckResults None = new(0, 0, 0, null, null, null);

    public int Measurements => Passes + Failures + Inconclusives;

    /// <summary>These results with <paramref name="outcome"/>, measured at <paramref name="at"/>, added once.</summary>
    public CheckResults Add(CheckOutcome outcome, DateTimeOffset at) => outcome.Result switch
    {
        CheckResult.Pass => this with { Passes = Passes + 1, LastAt = at, Last = outcome.Result, LastEvidence = outcome.Evidence },
        CheckResult.Fail => this with { Failures = Failures + 1, LastAt = at, Last = outcome.Result, LastEvidence = outcome.Evidence },
        _ => this with { Inconclusives = Inconclusives + 1, LastAt = at, Last = outcome.Result, LastEvidence = outcome.Evidence },
    };
}
