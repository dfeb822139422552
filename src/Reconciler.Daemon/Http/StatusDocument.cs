using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Http;

/// <summary>The JSON served on <c>/status</c> and read back by <c>reconciler status</c>.</summary>
internal sealed record StatusDocument(SourceDocument Source, IReadOnlyList<ResourceDocument> Resources, ShardDocument? Shard = null)
{
    /// <summary>Web defaults, indented, nulls left out (<see cref="DaemonJsonContext"/>).</summary>
    public static JsonSerializerOptions Json => DaemonJsonContext.Default.Options;

    public static StatusDocument From(StatusStore store) => new(
        new SourceDocument(store.Source.Description, store.Source.Revision, store.Source.LastFetchAt, store.Source.FetchError, store.Source.ManifestErrors),
        store.All().Select(ResourceDocument.From).ToList(),
        store.Shard is { } shard ? new ShardDocument(shard.Assignment.Index, shard.Assignment.Count, shard.Owned, shard.OtherShards) : null);
}

/// <summary>
/// This replica's shard (absent with one replica): its resources are the ones listed; <c>otherShards</c> counts those
/// of the snapshot that the other replicas reconcile and report.
/// </summary>
internal sealed record ShardDocument(int Index, int Count, int Resources, int OtherShards);

internal sealed record SourceDocument(string Description, string? Revision, DateTimeOffset? LastFetchAt, string? Error, IReadOnlyList<string> ManifestErrors);

internal sealed record ResourceDocument(
    string Kind,
    string Name,
    string Sync,
    string Health,
    string? DesiredRevision,
    string? AppliedRevision,
    string? LastKnownGood,
    string Message,
    string? LastError,
    long DriftCount,
    bool Orphaned,
    DateTimeOffset? LastReconciledAt,
    IReadOnlyList<ConditionDocument> Conditions,
    IReadOnlyList<EventDocument> Events,
    VerificationStatus? Verification = null)
{
    public static ResourceDocument From(ResourceStatus s) => new(
        s.Kind, s.Name, s.Sync.ToString(), s.Health.ToString(), s.DesiredRevision, s.AppliedRevision, s.LastKnownGood,
        s.Message, s.LastError, s.DriftCount, s.Orphaned, s.LastReconciledAt,
        s.Conditions.Select(c => new ConditionDocument(c.Type, c.Status ? "True" : "False", c.Reason, c.Message, c.LastTransition)).ToList(),
        s.Events.Select(e => new EventDocument(e.At, e.Type, e.Reason, e.Message)).ToList(),
        s.Verification);
}

internal sealed record ConditionDocument(string Type, string Status, string Reason, string Message, DateTimeOffset LastTransition);

internal sealed record EventDocument(DateTimeOffset At, string Type, string Reason, string Message);
