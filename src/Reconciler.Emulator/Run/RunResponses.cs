using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reconciler.Emulator.Run;

/// <summary>Writes JSON answers and Google-shaped errors.</summary>
internal static class RunResponses
{
    public static Task WriteAsync(HttpContext context, JsonNode body, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, RunException e) => WriteAsync(context, new JsonObject
    {
        ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["status"] = e.Status, ["details"] = new JsonArray() },
    }, e.Code);
}
