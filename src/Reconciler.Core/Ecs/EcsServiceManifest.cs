using Reconciler.Core.Model;

namespace Reconciler.Core.Ecs;

public sealed record EcsServiceManifest(ManifestMetadata Metadata, SourceLocation Source, EcsServiceSpec Spec)
    : ResourceManifest(Metadata, Source)
{
    public override string Kind => ResourceKinds.EcsService;
    public override SyncPolicy SyncPolicy => Spec.SyncPolicy ?? SyncPolicy.Default;
}
