using Reconciler.Core.Model;

namespace Reconciler.Core.CloudRun;

public sealed record CloudRunServiceManifest(ManifestMetadata Metadata, SourceLocation Source, CloudRunServiceSpec Spec)
    : ResourceManifest(Metadata, Source)
{
    public override string Kind => ResourceKinds.CloudRunService;
    public override SyncPolicy SyncPolicy => Spec.SyncPolicy ?? SyncPolicy.Default;
}
