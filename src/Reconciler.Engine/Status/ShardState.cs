using Reconciler.Core.Sharding;

namespace Reconciler.Engine.Status;

/// <summary>
/// This replica's shard and how the current snapshot splits: <paramref name="Owned"/> keys are reconciled (and listed
/// in /status) here, <paramref name="OtherShards"/> belong to the other replicas and are only counted (as an Argo CD
/// application-controller shard processes and reports only its own applications).
/// </summary>
public sealed record ShardState(ShardAssignment Assignment, int Owned, int OtherShards);
