using Reconciler.Core.Model;

namespace Reconciler.Core.Seams;

/// <summary>
/// What a platform saw for one desired resource: the manifest with every external reference resolved
/// (e.g. <c>{ssm: /path}</c>) plus the live state. Subclassed once per kind; consumed by the pure deciders.
/// </summary>
public abstract record Observation(ResourceManifest Resolved)
{
    /// <summary>The git revision that last changed the live resource (a tag written with every change), if known.</summary>
    public abstract string? AppliedRevision { get; }

    /// <summary>The version the resource would roll back to (e.g. a task definition ARN), if known.</summary>
    public abstract string? LastKnownGood { get; }
}
