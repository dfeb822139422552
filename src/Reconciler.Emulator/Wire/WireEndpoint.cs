using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Ssm;

namespace Reconciler.Emulator.Wire;

/// <summary>
/// <c>POST /</c>: the AWS JSON 1.1 protocol. Routes on X-Amz-Target, checks the SigV4 header's shape, applies
/// faults and hooks, then runs the operation against the simulated world.
/// </summary>
internal sealed class WireEndpoint(EmulatorCore core)
{
    public async Task HandleAsync(HttpContext context)
    {
        var target = WireTarget.Parse(context.Request.Headers["X-Amz-Target"].ToString());
        core.Calls.Received(target.Service, target.Operation);
        WireCall? call = null;
        try
        {
            var region = SigV4Scope.Parse(context.Request.Headers.Authorization.ToString(), target.Known ? target.Service : null).Region;
            target.EnsureKnown();
            var body = await ReadBodyAsync(context.Request);
            call = new WireCall(target.Service, target.Operation, region, (JsonObject)body.DeepClone(), core.NextSequence(), context.Request.Headers.UserAgent.ToString());
            var directive = core.Faults.Decide(call, out var latency);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, core.Clock.Wall, context.RequestAborted);
            }
            await RespondAsync(context, call, directive, body);
        }
        catch (AwsException e)
        {
            await WireResponses.WriteErrorAsync(context, e.Type, e.Message, e.Status);
            Completed(call, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emulator bug must look like a cloud-side 500 to the client, not a hung or reset connection.
            var type = target.Service == "ssm" ? "InternalServerError" : "ServerException";
            await WireResponses.WriteErrorAsync(context, type, $"emulator internal error in {target.Operation}: {e.GetType().Name}: {e.Message}", 500);
            Completed(call, false);
        }
    }

    private async Task RespondAsync(HttpContext context, WireCall call, CallDirective directive, JsonObject body)
    {
        switch (directive)
        {
            case CallDirective.DropDirective { AfterApplying: false }:
                context.Abort();
                Completed(call, false);
                return;
            case CallDirective.FailDirective fail:
                throw new AwsException(fail.Type, fail.Message, fail.Status);
        }
        var result = core.WithWorld((world, now) => Execute(world.Region(call.Region, now), call, body, now));
        if (directive is CallDirective.DropDirective)
        {
            context.Abort();
            Completed(call, false);
            return;
        }
        await WireResponses.WriteAsync(context, result);
        core.Calls.Succeeded(call.Service, call.Operation);
        Completed(call, true);
    }

    private static JsonObject Execute(World.RegionState region, WireCall call, JsonObject body, DateTimeOffset now) =>
        call.Service == "ecs"
            ? EcsApi.Operations[call.Operation](new EcsCall(region.Ecs, body, now))
            : SsmApi.Operations[call.Operation](new SsmCall(region.Ssm, body, now));

    private void Completed(WireCall? call, bool succeeded)
    {
        if (call is not null)
        {
            core.Faults.Completed(call, succeeded);
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        if (!contentType.StartsWith("application/x-amz-json-1.1", StringComparison.OrdinalIgnoreCase))
        {
            throw new AwsException("SerializationException", $"Content-Type must be application/x-amz-json-1.1, got '{contentType}'.");
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new AwsException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsException("SerializationException", "The request body is not valid JSON: " + e.Message);
        }
    }
}
