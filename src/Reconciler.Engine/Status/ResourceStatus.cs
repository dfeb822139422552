using Reconciler.Core.Health;

namespace Reconciler.Engine.Status;

/// <summary>What the daemon knows about one resource, served on <c>/status</c> and printed by <c>reconciler status</c>.</summary>
public sealed record ResourceStatus(
    string Kind,
    string Name,
    SyncStatus Sync,
    HealthStatus Health,
    string? DesiredRevision,
    string? AppliedRevision,
    string? LastKnownGood,
    string Message,
    string? LastError,
    IReadOnlyList<Core.Status.Condition> Conditions,
    IReadOnlyList<ResourceEvent> Events,
    DateTimeOffset? LastReconciledAt,
    long DriftCount,
    bool Orphaned = false,
    bool InDrift = false,
    VerificationStatus? Verification = null);
