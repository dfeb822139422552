using Reconciler.Engine.Controller;

namespace Reconciler.Engine.Tests.Controller;

public sealed class ResyncJitterTests
{
    private static IEnumerable<TestCaseData> Jitter()
    {
        yield return new TestCaseData(0.0, 540.0).SetName("the lowest random value resyncs 10 % early");
        yield return new TestCaseData(0.5, 600.0).SetName("the middle random value resyncs on the interval");
        yield return new TestCaseData(0.75, 630.0).SetName("a high random value resyncs up to 10 % late");
    }

    [TestCaseSource(nameof(Jitter))]
    public void NextDelay_spreads_within_ten_percent(double random, double expectedSeconds) =>
        Assert.That(ResyncJitter.NextDelay(TimeSpan.FromMinutes(10), random).TotalSeconds, Is.EqualTo(expectedSeconds).Within(1e-6));
}
