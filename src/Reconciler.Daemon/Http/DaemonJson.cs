using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Reconciler.Daemon.Commands;

namespace Reconciler.Daemon.Http;

/// <summary>
/// The daemon's own JSON (the <c>/status</c> document, read back by <c>reconciler status</c>), generated at build time
/// so the Native AOT image (docs/architecture.md, "Footprint") serializes it without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ValidateCommand.JsonReport))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;

/// <summary>
/// <c>/status</c> written straight to the response body: the serializer flushes every few KiB, so a document of
/// thousands of resources never becomes one string or one large-object-heap buffer per request.
/// </summary>
internal sealed class StatusJsonResult(StatusDocument document) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, document, DaemonJsonContext.Default.StatusDocument, httpContext.RequestAborted);
    }
}
