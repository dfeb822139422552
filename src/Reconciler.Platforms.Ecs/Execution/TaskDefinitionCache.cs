using System.Collections.Concurrent;
using Reconciler.Core.Ecs;
using Reconciler.Platforms.Ecs.Mapping;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>Task definitions by ARN. A registered revision never changes, so one DescribeTaskDefinition per ARN is enough.</summary>
internal sealed class TaskDefinitionCache
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<string, ObservedTaskDefinition> _byArn = new(StringComparer.Ordinal);

    public async Task<ObservedTaskDefinition?> GetAsync(string arn, Func<string, Task<Api.DescribeTaskDefinitionResponse>> describe)
    {
        if (_byArn.TryGetValue(arn, out var cached))
        {
            return cached;
        }
        var response = await describe(arn);
        if (response.TaskDefinition is null)
        {
            return null;
        }
        var observed = ObservedMapper.TaskDefinition(response.TaskDefinition, response.Tags);
        Add(observed);
        return observed;
    }

    public void Add(ObservedTaskDefinition taskDefinition)
    {
        if (_byArn.Count >= MaxEntries)
        {
            _byArn.Clear();
        }
        _byArn[taskDefinition.Arn] = taskDefinition;
    }
}
