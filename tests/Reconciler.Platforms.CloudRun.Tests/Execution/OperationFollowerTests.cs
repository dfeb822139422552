using Reconciler.Platforms.CloudRun.Execution;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Execution;

/// <summary>Following a long-running operation: polls with doubling pauses on the injected clock, within a budget.</summary>
public sealed class OperationFollowerTests
{
    private static readonly RunOperation Running = new() { Name = "projects/p/locations/l/operations/1", Done = false };

    [Test]
    public async Task An_operation_is_polled_until_it_is_done_with_doubling_pauses()
    {
        var time = new SignallingTimeProvider();
        var api = new FakeCloudRunApi(pollsUntilDone: 4);
        var options = new CloudRunCallOptions { OperationPollDelay = TimeSpan.FromSeconds(1), OperationPollMaxDelay = TimeSpan.FromSeconds(4), OperationFollowBudget = TimeSpan.FromMinutes(1) };
        var follower = new OperationFollower(api, new CloudRunCallPolicy(options, time), time);
        var started = time.GetUtcNow();

        var done = await time.DriveAsync(follower.FollowAsync("p", "l", Running, CancellationToken.None));

        Assert.That(done.IsDone, Is.True);
        Assert.That(api.OperationPolls, Is.EqualTo(4));
        Assert.That(time.GetUtcNow() - started, Is.EqualTo(TimeSpan.FromSeconds(1 + 2 + 4 + 4)), "pauses 1s, 2s, 4s, then capped at 4s");
    }

    [Test]
    public async Task An_operation_not_done_within_the_budget_is_returned_as_it_is_for_the_next_observe()
    {
        var time = new SignallingTimeProvider();
        var api = new FakeCloudRunApi(pollsUntilDone: 1000);
        var options = new CloudRunCallOptions { OperationPollDelay = TimeSpan.FromSeconds(2), OperationFollowBudget = TimeSpan.FromSeconds(5) };
        var follower = new OperationFollower(api, new CloudRunCallPolicy(options, time), time);

        var result = await time.DriveAsync(follower.FollowAsync("p", "l", Running, CancellationToken.None));

        Assert.That(result.IsDone, Is.False);
        Assert.That(api.OperationPolls, Is.EqualTo(2), "polls at 2s and at the 5s budget");
    }

    [Test]
    public async Task A_done_operation_is_not_polled()
    {
        var time = new SignallingTimeProvider();
        var api = new FakeCloudRunApi(pollsUntilDone: 1);
        var follower = new OperationFollower(api, new CloudRunCallPolicy(new CloudRunCallOptions(), time), time);

        await follower.FollowAsync("p", "l", new RunOperation { Name = "x", Done = true }, CancellationToken.None);

        Assert.That(api.OperationPolls, Is.Zero);
    }
}
