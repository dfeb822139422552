using Reconciler.Emulator.Ecs.Services;

namespace Reconciler.Emulator.Tests.Ecs.Services;

internal sealed class CircuitBreakerTests
{
    [TestCase(1, 3, TestName = "a service of 1 trips after 3 failed tasks")]
    [TestCase(6, 3, TestName = "a service of 6 trips after 3 failed tasks")]
    [TestCase(7, 4, TestName = "a service of 7 trips after 4 failed tasks (half, rounded up)")]
    [TestCase(1000, 200, TestName = "the threshold is capped at 200")]
    public void Threshold(int desired, int expected) => Assert.That(CircuitBreaker.Threshold(desired), Is.EqualTo(expected));
}
