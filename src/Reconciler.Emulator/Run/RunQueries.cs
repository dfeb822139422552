using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>The read operations: services get/list, revisions get/list (newest first), operations get/wait.</summary>
internal static class RunQueries
{
    private const int MaxPageSize = 1000;

    public static RunServiceRecord Service(RunLocation location, string name) =>
        location.Services.TryGetValue(name, out var s) ? s : throw RunException.NotFound(name);

    public static JsonObject ListServices(RunLocation location, RunRequest request)
    {
        var (page, next) = Page(location.Services.Values.ToList(), request);
        var json = new JsonObject { ["services"] = page.Select(s => (JsonNode)RunResourceJson.Service(s, request.Now)).ToJsonArray() };
        return WithNext(json, next);
    }

    public static JsonObject GetRevision(RunLocation location, RunRequest request)
    {
        var service = Service(location, request.Route.ServiceName);
        var revision = service.Revision(request.Route.Revision!) ?? throw RunException.NotFound($"{service.Name}/revisions/{request.Route.Revision}");
        return RunResourceJson.Revision(service, revision, request.Now);
    }

    public static JsonObject ListRevisions(RunLocation location, RunRequest request)
    {
        var service = Service(location, request.Route.ServiceName);
        var newestFirst = Enumerable.Reverse(service.Revisions).ToList();
        var (page, next) = Page(newestFirst, request);
        var json = new JsonObject { ["revisions"] = page.Select(r => (JsonNode)RunResourceJson.Revision(service, r, request.Now)).ToJsonArray() };
        return WithNext(json, next);
    }

    /// <summary>operations.wait is best effort (as documented): it answers at once with the operation as it is.</summary>
    public static JsonObject GetOperation(RunLocation location, RunRequest request)
    {
        var name = $"{location.Parent}/operations/{request.Route.OperationId}";
        var op = location.Operations.GetValueOrDefault(name) ?? throw RunException.NotFound(name);
        return RunResourceJson.Operation(op, location.Services.GetValueOrDefault(op.ServiceName), request.Now);
    }

    private static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, RunRequest request)
    {
        var size = 100;
        if (request.Param("pageSize") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 0))
        {
            throw RunException.InvalidArgument($"Invalid value at 'page_size' (TYPE_INT32), \"{text}\"");
        }
        size = size == 0 ? 100 : Math.Min(size, MaxPageSize);
        int offset;
        try
        {
            offset = PageToken.Offset(request.Param("pageToken"), "InvalidArgument");
        }
        catch (AwsException)
        {
            throw RunException.InvalidArgument("Invalid page token.");
        }
        return PageToken.Page(items, offset, size);
    }

    private static JsonObject WithNext(JsonObject json, string? next)
    {
        if (next is not null)
        {
            json["nextPageToken"] = next;
        }
        return json;
    }
}
