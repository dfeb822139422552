using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>Dispatches a parsed call to its operation against the Cloud Run world.</summary>
internal static class RunApi
{
    public static readonly IReadOnlyList<string> Operations =
    [
        "services.create", "services.get", "services.list", "services.patch", "services.delete",
        "revisions.get", "revisions.list", "operations.get", "operations.wait",
    ];

    public static JsonObject Execute(RunWorld world, RunRequest request)
    {
        var location = world.Location(request.Route.Project, request.Route.Location);
        return request.Route.Operation switch
        {
            "services.create" => RunServiceWrites.Create(world, location, request),
            "services.patch" => RunServiceWrites.Patch(world, location, request),
            "services.delete" => RunServiceWrites.Delete(world, location, request),
            "services.get" => RunResourceJson.Service(RunQueries.Service(location, request.Route.ServiceName), request.Now),
            "services.list" => RunQueries.ListServices(location, request),
            "revisions.get" => RunQueries.GetRevision(location, request),
            "revisions.list" => RunQueries.ListRevisions(location, request),
            "operations.get" or "operations.wait" => RunQueries.GetOperation(location, request),
            var other => throw new RunException(501, "UNIMPLEMENTED", $"{other} is not emulated"),
        };
    }
}
