using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Wire;

/// <summary>Calls arriving at once are serialized: no lost updates, no duplicate revisions.</summary>
internal sealed class ConcurrencyTests : EmulatorTestBase
{
    [Test]
    public async Task Parallel_registrations_of_one_family_get_distinct_consecutive_revisions()
    {
        var arns = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Aws.RegisterAsync("web", $"shop/web:{i}")));

        var revisions = arns.Select(a => int.Parse(a[(a.LastIndexOf(':') + 1)..])).Order();

        Assert.That(revisions, Is.EqualTo(Enumerable.Range(1, 40)));
        Assert.That(Emulator.State.CallCount("RegisterTaskDefinition", Reconciler.Emulator.Wire.CallOutcome.Succeeded), Is.EqualTo(40));
    }

    [Test]
    public async Task Parallel_overwrites_of_one_parameter_each_get_their_own_version()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "0", Type = "String" });

        var versions = await Task.WhenAll(Enumerable.Range(1, 30).Select(async i =>
            (await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = i.ToString(), Overwrite = true }))["Version"]!.GetValue<long>()));

        Assert.That(versions.Order(), Is.EqualTo(Enumerable.Range(2, 30).Select(v => (long)v)));
    }
}
