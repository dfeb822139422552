namespace Reconciler.Core.Verification;

/// <summary>
/// One probe's result and its evidence a person can act on ("status 500, body: {"db":"down"}", "value 0.07, wants &lt; 0.01").
/// Bounded (a body excerpt of 80 characters); the engine scrubs the resource's sensitive values from it before it is stored or shown.
/// </summary>
public sealed record CheckOutcome(CheckResult Result, string Evidence);
