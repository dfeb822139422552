namespace Reconciler.Core.Model;

/// <summary>One parsed, validated manifest document. Immutable; closed hierarchy (one record per kind).</summary>
public abstract record ResourceManifest(ManifestMetadata Metadata, SourceLocation Source)
{
    public abstract string Kind { get; }
    public ResourceKey Key => new(Kind, Metadata.Name);
    public abstract SyncPolicy SyncPolicy { get; }
}
