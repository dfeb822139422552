using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reconciler.Emulator.Wire;

/// <summary>Writes JSON 1.1 responses and AWS-shaped errors.</summary>
internal static class WireResponses
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static Task WriteAsync(HttpContext context, JsonNode body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, string type, string message, int status)
    {
        context.Response.Headers["x-amzn-ErrorType"] = type;
        return WriteAsync(context, new JsonObject { ["__type"] = type, ["message"] = message }, status);
    }
}
