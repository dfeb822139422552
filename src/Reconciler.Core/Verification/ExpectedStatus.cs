namespace Reconciler.Core.Verification;

/// <summary><c>expectStatus</c>: one status code (<c>200</c>) or a list (<c>[200, 204]</c>).</summary>
public sealed record ExpectedStatus(IReadOnlyList<int> Codes);
