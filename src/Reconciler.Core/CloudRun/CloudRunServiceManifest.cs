using Reconciler.Core.Model;

namespace Reconciler.Core.CloudRun;

public sealed record CloudRunServiceManifest(ManifestMetadata Metadata, SourceLocation Source, CloudRunServiceSpec Spec)
    : ResourceManifest(Metadata, Source)
{
    public override string Kind => ResourceKinds.CloudRunService;
    public override SyncPolicy SyncPolicy => Spec.SyncPolicy ?? SyncPolicy.Default;
    public override Verification.VerifySpec? Verify => Spec.Verify;

    /// <summary>Where this service's writes go: its region and project (the full resource name follows from them).</summary>
    public Planning.ActionLocation Location => new(Spec.Region, Spec.Project);

    public override IEnumerable<string> SensitiveValues() => Sensitive(
        Spec.EffectiveContainers.SelectMany(c => Literals(c.Env).Concat(c.Command ?? []).Concat(c.Args ?? [])),
        Spec.EffectiveContainers.SelectMany(c => new[] { c.Name, (c.Image as Value.Literal)?.Text })
            .Concat([Spec.Project, Spec.Region]));
}
