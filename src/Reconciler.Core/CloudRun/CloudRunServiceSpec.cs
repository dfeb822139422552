using Reconciler.Core.Model;
using Reconciler.Core.Verification;

namespace Reconciler.Core.CloudRun;

/// <summary>
/// Desired state of one Cloud Run service. The manifest gives either <see cref="Image"/> (one container, shorthand)
/// or <see cref="Containers"/>; normalization turns the shorthand into one container.
/// </summary>
public sealed record CloudRunServiceSpec(
    string Project,
    string Region,
    Value? Image = null,
    IReadOnlyList<CloudRunContainerSpec>? Containers = null,
    CloudRunScaling? Scaling = null,
    string? ServiceAccount = null,
    string? Ingress = null,
    IReadOnlyList<CloudRunTrafficTarget>? Traffic = null,
    RollbackSpec? Rollback = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    SyncPolicy? SyncPolicy = null,
    VerifySpec? Verify = null)
{
    /// <summary>The containers, with the <c>image:</c> shorthand expanded.</summary>
    public IReadOnlyList<CloudRunContainerSpec> EffectiveContainers =>
        Containers ?? (Image is null ? [] : [new CloudRunContainerSpec(Image)]);
}

public sealed record CloudRunScaling(int? MinInstances = null, int? MaxInstances = null);

/// <summary>Either <c>latest: true</c> or a pinned <c>revision</c>, with a percent.</summary>
public sealed record CloudRunTrafficTarget(int Percent, bool? Latest = null, string? Revision = null, string? Tag = null);
