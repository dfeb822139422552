using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Admin;

/// <summary>
/// <c>/_emulator/*</c>: call counts, reset, faults, image rules, clusters and manual time, for tests and demos
/// that drive the emulator over HTTP. Documented in docs/emulator.md.
/// </summary>
internal sealed class AdminEndpoints(EmulatorCore core, EmulatorControl control)
{
    public const string Prefix = "/_emulator";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = $"{request.Method} {request.Path.Value![Prefix.Length..].TrimEnd('/')}";
        try
        {
            JsonNode result = route switch
            {
                "GET /health" => new JsonObject { ["status"] = "ok" },
                "GET /state" => core.WithWorld(StateSnapshot.Take),
                "GET /calls" => Calls(request.Query["outcome"].ToString()),
                "POST /reset" => Reset(),
                "GET /faults" => AdminJson.ToJson(control.Faults),
                "PUT /faults" => await PutFaultsAsync(request),
                "GET /rules" => AdminJson.ToJson(control.Rules),
                "PUT /rules" => await PutRulesAsync(request),
                "POST /clusters" => await CreateClusterAsync(request),
                "GET /time" => Time(),
                "POST /time/advance" => Advance(request.Query["seconds"].ToString()),
                _ => throw new KeyNotFoundException($"no admin endpoint '{route}'; see docs/emulator.md"),
            };
            await WriteAsync(context, 200, result);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException)
        {
            await WriteAsync(context, 400, new JsonObject { ["message"] = e.Message });
        }
        catch (KeyNotFoundException e)
        {
            await WriteAsync(context, 404, new JsonObject { ["message"] = e.Message });
        }
    }

    private JsonObject Calls(string outcome)
    {
        var which = outcome switch
        {
            "" or "all" or "received" => CallOutcome.Received,
            "success" or "succeeded" => CallOutcome.Succeeded,
            _ => throw new ArgumentException($"outcome must be 'received' (default) or 'success', got '{outcome}'"),
        };
        var counts = new JsonObject { ["ecs"] = new JsonObject(), ["ssm"] = new JsonObject(), ["run"] = new JsonObject() };
        foreach (var (service, operations) in control.Calls(which))
        {
            counts[service] = new JsonObject(operations.OrderBy(o => o.Key).Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value)));
        }
        return counts;
    }

    private async Task<JsonNode> CreateClusterAsync(HttpRequest request)
    {
        var body = await BodyAsync(request);
        var name = body.Str("name") ?? throw new ArgumentException("body needs \"name\" (and optionally \"region\", default us-east-1)");
        control.CreateCluster(name, body.Str("region") ?? "us-east-1");
        return new JsonObject { ["name"] = name };
    }

    private JsonObject Time() => new() { ["now"] = JsonArgs.Epoch(control.Now), ["iso"] = control.Now.ToString("O"), ["speed"] = core.Options.Speed };

    private JsonObject Advance(string seconds)
    {
        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ArgumentException($"seconds must be a number of 0 or more, got '{seconds}'");
        }
        control.AdvanceTime(TimeSpan.FromSeconds(value));
        return Time();
    }

    private JsonObject Reset()
    {
        control.Reset();
        return new JsonObject { ["reset"] = true };
    }

    private async Task<JsonNode> PutFaultsAsync(HttpRequest request)
    {
        control.Faults = AdminJson.ParseFaults(await BodyAsync(request), control.Faults);
        return AdminJson.ToJson(control.Faults);
    }

    private async Task<JsonNode> PutRulesAsync(HttpRequest request)
    {
        control.SetRules(AdminJson.ParseRules(await BodyAsync(request)));
        return AdminJson.ToJson(control.Rules);
    }

    private static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text) as JsonObject ?? throw new ArgumentException("the body must be a JSON object");
    }

    private static Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
