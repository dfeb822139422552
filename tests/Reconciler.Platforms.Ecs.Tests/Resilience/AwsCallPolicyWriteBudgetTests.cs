using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Resilience;
using Reconciler.Platforms.Ecs.Resilience;

namespace Reconciler.Platforms.Ecs.Tests.Resilience;

/// <summary>
/// The daemon-wide write budget (<c>--max-writes-per-minute</c>) on the injected clock: every region's writes share it,
/// reads never wait on it, and a write that waits for a token is one attempt, not a retry.
/// </summary>
public sealed class AwsCallPolicyWriteBudgetTests
{
    private readonly FakeTimeProvider time = new();

    private AwsCallPolicy Policy(int writesPerMinute) =>
        new(new AwsCallOptions { WriteBudget = new TokenBucket(writesPerMinute / 60.0, 1, time) }, time);

    private async Task AdvanceUntil(Func<bool> done, TimeSpan step, int steps = 40)
    {
        for (var i = 0; i < steps && !done(); i++)
        {
            time.Advance(step);
            await Task.Delay(5);
        }
    }

    [Test]
    public async Task Writes_in_every_region_share_one_budget_and_each_waits_for_its_token_in_one_attempt()
    {
        var policy = Policy(writesPerMinute: 2);
        var attempts = 0;
        Task<int> Write(string region, string operation) =>
            policy.RunAsync(region, operation, _ => Task.FromResult(Interlocked.Increment(ref attempts)), CancellationToken.None);

        await Write("eu-west-1", "UpdateService");
        var second = Write("us-east-1", "CreateService");
        var third = Write("ap-south-1", "TagResource");
        await Task.Delay(20);
        Assert.That((second.IsCompleted, third.IsCompleted, attempts), Is.EqualTo((false, false, 1)), "the budget's one token went to the first write");

        await AdvanceUntil(() => second.IsCompleted, TimeSpan.FromSeconds(5));
        Assert.That(time.GetUtcNow() - time.Start, Is.InRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35)), "the second write after 60/2 seconds");
        Assert.That(third.IsCompleted, Is.False, "the third waits for the next token");

        await AdvanceUntil(() => third.IsCompleted, TimeSpan.FromSeconds(5));
        Assert.That(time.GetUtcNow() - time.Start, Is.InRange(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65)));
        Assert.That(attempts, Is.EqualTo(3), "waiting for the budget cost no retry attempt");
    }

    [Test]
    public async Task Reads_do_not_wait_for_the_write_budget()
    {
        var policy = Policy(writesPerMinute: 1);
        await policy.RunAsync("eu-west-1", "UpdateService", _ => Task.FromResult(0), CancellationToken.None);
        var waiting = policy.RunAsync("eu-west-1", "UpdateService", _ => Task.FromResult(0), CancellationToken.None);

        var read = policy.RunAsync("eu-west-1", "DescribeServices", _ => Task.FromResult(7), CancellationToken.None);

        Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(7));
        Assert.That(waiting.IsCompleted, Is.False);
    }

    [Test]
    public void A_write_waiting_for_the_budget_ends_with_its_cancellation_and_takes_no_token()
    {
        var policy = Policy(writesPerMinute: 1);
        Assert.That(policy.RunAsync("eu-west-1", "UpdateService", _ => Task.FromResult(0), CancellationToken.None).IsCompletedSuccessfully, Is.True);
        using var cancel = new CancellationTokenSource();
        var calls = 0;

        var waiting = policy.RunAsync("eu-west-1", "UpdateService", _ => Task.FromResult(++calls), cancel.Token);
        cancel.Cancel();

        Assert.That(async () => await waiting.WaitAsync(TimeSpan.FromSeconds(5)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(calls, Is.Zero);
    }

    [TestCase("RegisterTaskDefinition")]
    [TestCase("CreateService")]
    [TestCase("UpdateService")]
    [TestCase("TagResource")]
    public void Every_ecs_call_that_changes_something_is_a_write(string operation) =>
        Assert.That(AwsCallPolicy.WriteOperations, Does.Contain(operation));
}
