using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Execution;

/// <summary>
/// Follows a long-running operation with <c>operations.get</c>, pausing on the injected clock between polls
/// (doubling from <see cref="CloudRunCallOptions.OperationPollDelay"/> up to the max) until it is done or the budget is
/// spent. Not done within the budget is not a failure: the rollout is watched level-based by the next observe.
/// </summary>
internal sealed class OperationFollower(ICloudRunApi api, CloudRunCallPolicy policy, TimeProvider time)
{
    public async Task<RunOperation> FollowAsync(string project, string region, RunOperation operation, CancellationToken ct)
    {
        var options = policy.Options;
        var started = time.GetTimestamp();
        var delay = options.OperationPollDelay;
        while (!operation.IsDone && operation.Name is { } name)
        {
            var left = options.OperationFollowBudget - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            await Task.Delay(delay < left ? delay : left, time, ct);
            operation = await policy.RunAsync(project, region, CallKind.Read, "operations.get", t => api.GetOperationAsync(name, t), ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.OperationPollMaxDelay.Ticks));
        }
        return operation;
    }
}
