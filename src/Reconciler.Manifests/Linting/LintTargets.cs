using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;

namespace Reconciler.Manifests.Linting;

/// <summary>The containers of a manifest with their field paths, so rules can point at the right line.</summary>
internal static class LintTargets
{
    public static IEnumerable<(EcsContainerSpec Container, string Path)> EcsContainers(ResourceManifest manifest) =>
        manifest is EcsServiceManifest ecs
            ? ecs.Spec.TaskDefinition.Containers.Select((c, i) => (c, $"spec.taskDefinition.containers[{i}]"))
            : [];

    public static IEnumerable<(CloudRunContainerSpec Container, string Path)> CloudRunContainers(ResourceManifest manifest) =>
        manifest is CloudRunServiceManifest { Spec.Containers: { } containers }
            ? containers.Select((c, i) => (c, $"spec.containers[{i}]"))
            : [];

    /// <summary>Every image with its path (ECS containers, Cloud Run containers and the <c>image:</c> shorthand).</summary>
    public static IEnumerable<(Value Image, string Path)> Images(ResourceManifest manifest)
    {
        var images = EcsContainers(manifest).Select(t => (t.Container.Image, t.Path + ".image"))
            .Concat(CloudRunContainers(manifest).Select(t => (t.Container.Image, t.Path + ".image")));
        return manifest is CloudRunServiceManifest { Spec.Image: { } shorthand } ? images.Append((shorthand, "spec.image")) : images;
    }

    /// <summary>Every plain environment map with its path (ECS <c>environment</c>, Cloud Run <c>env</c>).</summary>
    public static IEnumerable<(IReadOnlyDictionary<string, Value> Environment, string Path)> Environments(ResourceManifest manifest) =>
        EcsContainers(manifest).Where(t => t.Container.Environment is not null).Select(t => (t.Container.Environment!, t.Path + ".environment"))
            .Concat(CloudRunContainers(manifest).Where(t => t.Container.Env is not null).Select(t => (t.Container.Env!, t.Path + ".env")));
}
