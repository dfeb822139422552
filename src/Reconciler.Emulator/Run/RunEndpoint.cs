using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Emulator.Run;

/// <summary>
/// <c>/v2/projects/...</c>: the Cloud Run Admin API v2 REST surface, as Google's clients send it — a bearer token
/// (any) or an API key in <c>key</c>, <c>alt=json</c>, and <c>$alt=json;enum-encoding=int</c> for numeric enums.
/// Faults and hooks apply as for ECS (service "run", operations named like "services.patch"); calls are counted.
/// </summary>
internal sealed class RunEndpoint(EmulatorCore core)
{
    public const string Prefix = "/v2/projects/";

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        WireCall? call = null;
        var numericEnums = false;
        try
        {
            var route = RunRoute.Parse(http.Method, http.Path.Value ?? "");
            core.Calls.Received("run", route.Operation);
            var query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            Authenticate(http, query);
            numericEnums = Encoding(query);
            var body = await ReadBodyAsync(http);
            call = new WireCall("run", route.Operation, route.Location, (JsonObject)body.DeepClone(), core.NextSequence(), http.Headers.UserAgent.ToString());
            var directive = core.Faults.Decide(call, out var latency);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, core.Clock.Wall, context.RequestAborted);
            }
            await RespondAsync(context, call, directive, new RunRequest(route, query, body, default), numericEnums);
        }
        catch (RunException e)
        {
            await RunResponses.WriteErrorAsync(context, e);
            Completed(call, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emulator bug must look like a cloud-side 500 to the client, not a hung or reset connection.
            await RunResponses.WriteErrorAsync(context, new RunException(500, "INTERNAL", $"emulator internal error: {e.GetType().Name}: {e.Message}"));
            Completed(call, false);
        }
    }

    private async Task RespondAsync(HttpContext context, WireCall call, CallDirective directive, RunRequest request, bool numericEnums)
    {
        switch (directive)
        {
            case CallDirective.DropDirective { AfterApplying: false }:
                context.Abort();
                Completed(call, false);
                return;
            case CallDirective.FailDirective fail:
                throw Fault(fail);
        }
        var result = core.WithWorld((world, now) => RunApi.Execute(world.Run, request with { Now = now }));
        if (directive is CallDirective.DropDirective)
        {
            context.Abort();
            Completed(call, false);
            return;
        }
        if (numericEnums)
        {
            RunEnumCodec.ToNumbers(result);
        }
        await RunResponses.WriteAsync(context, result, 200);
        core.Calls.Succeeded("run", call.Operation);
        Completed(call, true);
    }

    /// <summary>Injected faults in Google's shape: throttling is 429 RESOURCE_EXHAUSTED, a server error 503 UNAVAILABLE.</summary>
    private static RunException Fault(CallDirective.FailDirective fail) => (fail.Type, fail.Status) switch
    {
        ("ThrottlingException", _) or (_, 429) => new RunException(429, "RESOURCE_EXHAUSTED",
            "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per region' of service 'run.googleapis.com'."),
        (_, >= 500) => new RunException(503, "UNAVAILABLE", "The service is currently unavailable."),
        _ => new RunException(fail.Status, fail.Status == 404 ? "NOT_FOUND" : "FAILED_PRECONDITION", fail.Message),
    };

    private static void Authenticate(HttpRequest http, IReadOnlyDictionary<string, string> query)
    {
        var bearer = http.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && string.IsNullOrEmpty(query.GetValueOrDefault("key")) && string.IsNullOrEmpty(query.GetValueOrDefault("access_token")))
        {
            throw RunException.Unauthenticated();
        }
    }

    /// <summary>True when the client asked for numeric enums.</summary>
    private static bool Encoding(IReadOnlyDictionary<string, string> query)
    {
        if (query.GetValueOrDefault("alt") is { } alt && alt != "json")
        {
            throw RunException.InvalidArgument($"alt={alt} is not supported by the emulator; use alt=json.");
        }
        var dollarAlt = query.GetValueOrDefault("$alt");
        return dollarAlt is not null && dollarAlt.Split(';').Contains("enum-encoding=int");
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest http)
    {
        using var reader = new StreamReader(http.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        try
        {
            var body = JsonNode.Parse(text) as JsonObject ?? throw RunException.InvalidArgument("Invalid JSON payload received. The body must be a JSON object.");
            RunEnumCodec.ToNames(body);
            return body;
        }
        catch (JsonException e)
        {
            throw RunException.InvalidArgument($"Invalid JSON payload received. {e.Message}");
        }
    }

    private void Completed(WireCall? call, bool succeeded)
    {
        if (call is not null)
        {
            core.Faults.Completed(call, succeeded);
        }
    }
}
