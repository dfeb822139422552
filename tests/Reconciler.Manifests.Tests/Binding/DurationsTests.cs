using Reconciler.Manifests.Binding;

namespace Reconciler.Manifests.Tests.Binding;

public sealed class DurationsTests
{
    [TestCase("30s", 30_000)]
    [TestCase("5m", 300_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("500ms", 500)]
    [TestCase("1m30s500ms", 90_500)]
    public void A_duration_with_units_parses(string text, long milliseconds)
    {
        Assert.That(Durations.TryParse(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("30")]
    [TestCase("")]
    [TestCase("5x")]
    [TestCase("1 minute")]
    [TestCase("-5s")]
    [TestCase("1.5s")]
    public void A_duration_without_a_known_unit_is_refused(string text) =>
        Assert.That(Durations.TryParse(text, out _), Is.False);
}
