using Reconciler.Core.Seams;
using Reconciler.Emulator.Wire;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>spec.account: credentials that reach another account change nothing.</summary>
public sealed class AccountGuardTests
{
    [Test]
    public async Task A_manifest_for_another_account_is_refused_before_any_write()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var manifest = EcsManifestBuilder.Manifest() with { Spec = EcsManifestBuilder.Spec() with { Account = "123456789012" } };

        var error = Assert.ThrowsAsync<PlatformException>(() => harness.Platform.ObserveAsync(manifest, CancellationToken.None));

        Assert.That(error!.Retryable, Is.False);
        Assert.That(error.Message, Does.Contain("spec.account is 123456789012").And.Contain($"account {harness.Host.State.Account}"));
        Assert.That(harness.Host.State.CallCount("CreateService", CallOutcome.Received)
            + harness.Host.State.CallCount("RegisterTaskDefinition", CallOutcome.Received), Is.Zero);
    }

    [Test]
    public async Task A_manifest_for_the_account_the_credentials_reach_converges()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var manifest = EcsManifestBuilder.Manifest() with { Spec = EcsManifestBuilder.Spec() with { Account = harness.Host.State.Account } };

        var decisions = await harness.ConvergeAsync(manifest);

        Assert.That(decisions, Is.Not.Empty);
        Assert.That(harness.Host.State.CallCount("CreateService", CallOutcome.Succeeded), Is.EqualTo(1));
    }
}
