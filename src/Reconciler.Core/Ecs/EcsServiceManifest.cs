using Reconciler.Core.Model;

namespace Reconciler.Core.Ecs;

public sealed record EcsServiceManifest(ManifestMetadata Metadata, SourceLocation Source, EcsServiceSpec Spec)
    : ResourceManifest(Metadata, Source)
{
    public override string Kind => ResourceKinds.EcsService;
    public override SyncPolicy SyncPolicy => Spec.SyncPolicy ?? SyncPolicy.Default;
    public override Verification.VerifySpec? Verify => Spec.Verify;

    /// <summary>Where this service's writes go: its region and cluster, and its ARN once observed (TagResource needs it).</summary>
    public Planning.ActionLocation Location(string? serviceArn) => new(Spec.Region, Spec.Cluster, serviceArn);

    public override IEnumerable<string> SensitiveValues() => Sensitive(
        Spec.TaskDefinition.Containers.SelectMany(c => Literals(c.Environment)
            .Concat(c.Command ?? []).Concat(c.EntryPoint ?? [])
            .Concat(c.LogConfiguration?.Options?.Values ?? [])),
        Spec.TaskDefinition.Containers.SelectMany(c => new[] { c.Name, (c.Image as Value.Literal)?.Text })
            .Concat([Spec.Region, Spec.Cluster, Spec.TaskDefinition.Family]));
}
