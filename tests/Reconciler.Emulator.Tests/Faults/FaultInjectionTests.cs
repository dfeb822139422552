using System.Net;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Tests.Faults;

/// <summary>Random faults by rate, restricted faults, and the one-shot hooks tests use to kill a reconciler mid-way.</summary>
internal sealed class FaultInjectionTests : EmulatorTestBase
{
    [Test]
    public async Task Throttling_at_rate_1_returns_ThrottlingException_with_HTTP_400()
    {
        Emulator.State.Faults = new FaultOptions { ThrottleRate = 1.0 };

        var response = await Aws.EcsAsync("DescribeClusters");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("ThrottlingException"));
        Assert.That(response.Message, Is.EqualTo("Rate exceeded"));
    }

    [Test]
    public async Task Server_errors_at_rate_1_are_ServerException_for_ECS_and_InternalServerError_for_SSM()
    {
        Emulator.State.Faults = new FaultOptions { ErrorRate = 1.0 };

        var ecs = await Aws.EcsAsync("DescribeClusters");
        var ssm = await Aws.SsmAsync("GetParameter", new { Name = "/x" });

        Assert.That((ecs.Status, ecs.ErrorType), Is.EqualTo((HttpStatusCode.InternalServerError, "ServerException")));
        Assert.That((ssm.Status, ssm.ErrorType), Is.EqualTo((HttpStatusCode.InternalServerError, "InternalServerError")));
    }

    [Test]
    public void Dropped_connections_at_rate_1_surface_as_a_transport_error()
    {
        Emulator.State.Faults = new FaultOptions { DropRate = 1.0 };

        Assert.ThrowsAsync<HttpRequestException>(() => Aws.EcsAsync("DescribeClusters"));
    }

    [Test]
    public async Task Faults_restricted_to_an_operation_leave_the_others_alone()
    {
        Emulator.State.Faults = new FaultOptions { ThrottleRate = 1.0, Operations = new HashSet<string> { "UpdateService" } };

        var describe = await Aws.EcsAsync("DescribeClusters");
        var update = await Aws.EcsAsync("UpdateService", new { service = "web" });

        Assert.That(describe.Ok, Is.True);
        Assert.That(update.ErrorType, Is.EqualTo("ThrottlingException"));
    }

    [Test]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order()
    {
        var first = await OutcomesAsync(seed: 7);
        var second = await OutcomesAsync(seed: 7);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.EqualTo(2), "rate 0.5 over 20 calls mixes throttled and successful calls");
    }

    [Test]
    public async Task After_a_successful_RegisterTaskDefinition_the_next_calls_are_dropped_as_if_the_process_died()
    {
        Emulator.State.DropCallsAfter("RegisterTaskDefinition", count: 1);

        var arn = await Aws.RegisterAsync("web", "shop/web:1.0");
        Assert.ThrowsAsync<HttpRequestException>(() => Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = arn, desiredCount = 1 }));
        var retried = await Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = arn, desiredCount = 1 });

        Assert.That(retried.Ok, Is.True, "only one call is dropped");
        Assert.That(Emulator.State.CallCount("CreateService"), Is.EqualTo(2));
        Assert.That(Emulator.State.CallCount("CreateService", CallOutcome.Succeeded), Is.EqualTo(1));
    }

    [Test]
    public async Task A_call_dropped_after_applying_changes_state_but_the_client_never_hears_back()
    {
        var arn = await Aws.RegisterAsync("web", "shop/web:1.0");
        Emulator.State.OnCall(call => call.Operation == "CreateService" ? CallDirective.DropAfterApplying : CallDirective.Proceed);

        Assert.ThrowsAsync<HttpRequestException>(() => Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = arn, desiredCount = 1 }));
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Text("status"), Is.EqualTo("ACTIVE"));
    }

    [Test]
    public async Task A_hook_can_fail_a_call_with_any_AWS_error()
    {
        Emulator.State.OnCall(call => call.Operation == "DescribeClusters" ? CallDirective.Fail("AccessDeniedException", "not allowed") : CallDirective.Proceed);

        var response = await Aws.EcsAsync("DescribeClusters");

        Assert.That((response.ErrorType, response.Message), Is.EqualTo(("AccessDeniedException", "not allowed")));
    }

    [Test]
    public void Invalid_fault_rates_are_refused_with_a_message_naming_the_rate()
    {
        var error = Assert.Throws<ArgumentException>(() => Emulator.State.Faults = new FaultOptions { DropRate = 1.5 });

        Assert.That(error!.Message, Does.Contain("dropRate"));
    }

    [Test]
    public async Task Added_latency_delays_the_answer_by_at_least_the_configured_time()
    {
        // Real clock on purpose: the response itself is the signal, nothing sleeps.
        await using var emulator = await Hosting.EmulatorHost.StartAsync(new Hosting.EmulatorOptions { Faults = new FaultOptions { LatencyMs = 300 } });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await new WireClient(http).EcsAsync("DescribeClusters");

        Assert.That(response.Ok, Is.True);
        Assert.That(started.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(290));
    }

    private static async Task<List<HttpStatusCode>> OutcomesAsync(int seed)
    {
        await using var emulator = await Hosting.EmulatorHost.StartAsync(new Hosting.EmulatorOptions { Seed = seed, Faults = new FaultOptions { ThrottleRate = 0.5 } });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var aws = new WireClient(http);
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            outcomes.Add((await aws.EcsAsync("DescribeClusters")).Status);
        }
        return outcomes;
    }
}
