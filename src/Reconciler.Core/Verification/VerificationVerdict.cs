namespace Reconciler.Core.Verification;

/// <summary>Where a verification stands. Closed hierarchy: exactly one of Running, Passed, Failed.</summary>
public abstract record VerificationVerdict
{
    private VerificationVerdict() { }

    /// <summary>
    /// Still verifying ("verifying: readiness 3/3 ok, error-rate 2/5"). <see cref="Due"/>: the checks to run now;
    /// <see cref="NextAt"/>: when something next changes (a check falls due, the bake ends).
    /// </summary>
    public sealed record Running(string Message, IReadOnlyList<VerificationCheck> Due, DateTimeOffset NextAt) : VerificationVerdict;

    /// <summary>Every check passed for the bake time (and every counted Prometheus check ran its count).</summary>
    public sealed record Passed(string Message) : VerificationVerdict;

    /// <summary>A check failed past its limit; <see cref="Evidence"/> says which and what it saw.</summary>
    public sealed record Failed(string Evidence) : VerificationVerdict;
}
