using Microsoft.Extensions.Time.Testing;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>
/// A fresh emulator per test on 127.0.0.1:0, on a FakeTimeProvider at speed 1: simulated time moves only
/// when the test calls <see cref="Advance"/>.
/// </summary>
internal abstract class EmulatorTestBase
{
    protected FakeTimeProvider Time { get; private set; } = null!;

    protected EmulatorHost Emulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected WireClient Aws { get; private set; } = null!;

    protected virtual EmulatorOptions Configure(EmulatorOptions options) => options;

    [SetUp]
    public async Task StartEmulator()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Emulator = await EmulatorHost.StartAsync(Configure(new EmulatorOptions { TimeProvider = Time, Speed = 1 }));
        Http = new HttpClient { BaseAddress = Emulator.BaseUri };
        Aws = new WireClient(Http);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    protected void Advance(TimeSpan by) => Time.Advance(by);

    protected void AdvanceSeconds(int seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));
}
