using Microsoft.Extensions.Time.Testing;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.CloudRun.Execution;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Execution;

/// <summary>Reads gathered per location: one get alone, one list per page together, each location apart.</summary>
public sealed class ServicesListBatcherTests
{
    private EmulatorHost _host = null!;
    private HttpClient _http = null!;
    private CloudRunApiClient _api = null!;

    [SetUp]
    public async Task Start()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = 1, TimeProvider = new FakeTimeProvider() });
        _http = new HttpClient();
        _api = new CloudRunApiClient(_http, new CloudRunEndpoint(_host.BaseUri), FixedTokenSource.Emulator);
        foreach (var (location, id) in new[] { ("europe-west1", "a"), ("europe-west1", "b"), ("europe-west1", "c"), ("europe-west1", "d"), ("europe-west1", "e"), ("us-central1", "z") })
        {
            await _api.CreateServiceAsync($"projects/demo/locations/{location}", id,
                new RunService { Template = new RevisionTemplate { Containers = [new RunContainer { Image = "europe-west1-docker.pkg.dev/demo/app/web:1" }] } }, CancellationToken.None);
        }
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private int Calls(string operation) => _host.State.Calls().GetValueOrDefault("run")?.GetValueOrDefault(operation) ?? 0;

    [Test]
    public async Task Five_services_of_a_location_on_pages_of_two_cost_three_lists_and_a_lone_service_elsewhere_one_get()
    {
        var batcher = new ServicesListBatcher(_api, new CloudRunCallPolicy(new CloudRunCallOptions(), TimeProvider.System), pageSize: 2);

        var found = await Task.WhenAll(new[] { "a", "b", "c", "d", "e" }.Select(id => batcher.GetAsync("demo", "europe-west1", id, CancellationToken.None))
            .Append(batcher.GetAsync("demo", "us-central1", "z", CancellationToken.None)));

        Assert.That(found.Select(s => s?.Name?.Split('/')[^1]), Is.EqualTo(new[] { "a", "b", "c", "d", "e", "z" }));
        Assert.That(Calls("services.list"), Is.EqualTo(3));
        Assert.That(Calls("services.get"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_service_that_does_not_exist_is_null_alone_or_in_a_batch()
    {
        var batcher = new ServicesListBatcher(_api, new CloudRunCallPolicy(new CloudRunCallOptions(), TimeProvider.System));

        var alone = await batcher.GetAsync("demo", "europe-west1", "ghost", CancellationToken.None);
        var together = await Task.WhenAll(batcher.GetAsync("demo", "europe-west1", "ghost", CancellationToken.None), batcher.GetAsync("demo", "europe-west1", "a", CancellationToken.None));

        Assert.That(alone, Is.Null);
        Assert.That(together[0], Is.Null);
        Assert.That(together[1], Is.Not.Null);
    }
}
