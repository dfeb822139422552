using Reconciler.Emulator.Ecs.Services;
using Reconciler.Emulator.Ecs.Tags;

namespace Reconciler.Emulator.Ecs.Clusters;

/// <summary>An ECS cluster and the services in it.</summary>
internal sealed class ClusterRecord(string name, string arn)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public List<Tag> Tags { get; } = [];

    public Dictionary<string, ServiceRecord> Services { get; } = new(StringComparer.Ordinal);

    public IEnumerable<ServiceRecord> ActiveServices => Services.Values.Where(s => s.Status == "ACTIVE");
}
