using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// services.create, patch (with or without updateMask; allowMissing) and delete. Every accepted write bumps the
/// generation and starts a long-running operation; a changed template makes one new revision — an unchanged one
/// none — and a revision name already used by another template is refused with 409, as Cloud Run does.
/// </summary>
internal static partial class RunServiceWrites
{
    private static readonly string[] Writable = ["labels", "annotations", "ingress", "description", "template", "traffic"];

    public static JsonObject Create(RunWorld world, RunLocation location, RunRequest request)
    {
        var id = request.Param("serviceId") ?? throw RunException.InvalidArgument("serviceId is required.");
        if (!ServiceId().IsMatch(id))
        {
            throw RunException.InvalidArgument($"service_id '{id}' must start with a letter, contain only lowercase letters, digits and hyphens, not end with a hyphen, and be under 50 characters.");
        }
        var name = $"{location.Parent}/services/{id}";
        if (location.Services.ContainsKey(name))
        {
            throw RunException.AlreadyExists($"Resource '{name}' already exists.");
        }
        var service = new RunServiceRecord(name, world.Ids.Guid(), request.Now);
        var op = Apply(world, location, service, request.Body, Writable, request.Now);
        if (!request.Flag("validateOnly"))
        {
            location.Services[name] = service;
            location.Operations[op.Name] = op;
        }
        return RunResourceJson.Operation(op, service, request.Now);
    }

    public static JsonObject Patch(RunWorld world, RunLocation location, RunRequest request)
    {
        var name = request.Route.ServiceName;
        if (request.Body.Str("name") is { } bodyName && bodyName != name)
        {
            throw RunException.InvalidArgument($"service.name '{bodyName}' does not match the URL's '{name}'.");
        }
        if (!location.Services.TryGetValue(name, out var service))
        {
            if (!request.Flag("allowMissing"))
            {
                throw RunException.NotFound(name);
            }
            return Create(world, location, request with { Query = new Dictionary<string, string>(request.Query) { ["serviceId"] = request.Route.Service! } });
        }
        var fields = Mask(request.Param("updateMask"));
        if (request.Flag("validateOnly"))
        {
            return new JsonObject { ["name"] = $"{location.Parent}/operations/validate-only", ["done"] = true };
        }
        var op = Apply(world, location, service, request.Body, fields, request.Now);
        location.Operations[op.Name] = op;
        return RunResourceJson.Operation(op, service, request.Now);
    }

    public static JsonObject Delete(RunWorld world, RunLocation location, RunRequest request)
    {
        var service = RunQueries.Service(location, request.Route.ServiceName);
        location.Services.Remove(service.Name);
        var op = new RunOperationRecord($"{location.Parent}/operations/{world.Ids.Guid()}", service.Name, request.Now.AddSeconds(-RunServiceRecord.SettleSeconds), null, Delete: true);
        location.Operations[op.Name] = op;
        return RunResourceJson.Operation(op, service, request.Now);
    }

    /// <summary>Validates everything first, then changes the record: a refused write changes nothing.</summary>
    private static RunOperationRecord Apply(RunWorld world, RunLocation location, RunServiceRecord s, JsonObject body, IReadOnlyCollection<string> fields, DateTimeOffset now)
    {
        var annotations = fields.Contains("annotations") ? Annotations(body.Obj("annotations")) : s.Annotations;
        var template = fields.Contains("template") ? RunTemplateDefaults.Apply(body.Obj("template")) : s.Template;
        var revision = fields.Contains("template") ? RunRevisions.Resolve(world, s, template, now) : null;
        var traffic = fields.Contains("traffic") ? RunTraffic.Normalize(body.Arr("traffic"), s, revision) : s.Traffic;
        var ingress = fields.Contains("ingress") ? body.Str("ingress") ?? "INGRESS_TRAFFIC_ALL" : s.Ingress;

        (s.PreviousServed, _) = s.TrafficStatuses(now);
        s.PreviousGeneration = s.ObservedGeneration(now);
        s.Generation++;
        s.Annotations = annotations;
        s.Labels = fields.Contains("labels") ? (JsonObject?)body.Obj("labels")?.DeepClone() ?? [] : s.Labels;
        s.Description = fields.Contains("description") ? body.Str("description") : s.Description;
        s.Ingress = ingress;
        s.Traffic = traffic;
        s.UpdateTime = s.LastWrite = now;
        RunRevisionRecord? created = null;
        if (revision is { } r)
        {
            s.Template = (JsonObject)template.DeepClone();
            s.Template["revision"] = r.Revision.ShortName;
            if (r.IsNew)
            {
                s.Revisions.Add(r.Revision);
                created = r.Revision;
            }
            s.LatestCreated = r.Revision;
        }
        return new RunOperationRecord($"{location.Parent}/operations/{world.Ids.Guid()}", s.Name, now, created);
    }

    private static JsonObject Annotations(JsonObject? given)
    {
        var annotations = (JsonObject?)given?.DeepClone() ?? [];
        foreach (var key in annotations.Select(kv => kv.Key))
        {
            if (key.StartsWith("run.googleapis.com/", StringComparison.Ordinal) || key.StartsWith("serving.knative.dev/", StringComparison.Ordinal)
                || key.StartsWith("autoscaling.knative.dev/", StringComparison.Ordinal) || key.StartsWith("cloud.googleapis.com/", StringComparison.Ordinal))
            {
                throw RunException.InvalidArgument($"Annotation '{key}' is not supported in Cloud Run API v2: system annotations in run.googleapis.com, cloud.googleapis.com, serving.knative.dev and autoscaling.knative.dev are reserved.");
            }
        }
        return annotations;
    }

    /// <summary>No mask = every writable member; "template.containers" counts as "template".</summary>
    private static IReadOnlyCollection<string> Mask(string? mask)
    {
        if (string.IsNullOrWhiteSpace(mask))
        {
            return Writable;
        }
        var fields = mask.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('.')[0]).ToHashSet();
        var unknown = fields.Where(f => !Writable.Contains(f) && f is not ("scaling" or "launchStage" or "client" or "clientVersion" or "binaryAuthorization")).ToList();
        return unknown.Count > 0
            ? throw RunException.InvalidArgument($"update_mask names fields that cannot be updated: {string.Join(", ", unknown)}.")
            : fields;
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$")]
    private static partial Regex ServiceId();
}
