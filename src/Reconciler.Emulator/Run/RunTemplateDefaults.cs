using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// What Cloud Run fills into a template it stores, so a GET returns more than was sent — the defaults that gave
/// Terraform's users perpetual diffs: a cpu limit when only memory is set, a maxInstanceCount, the http1 port, the
/// default TCP startup probe, the timeout, the concurrency and the default compute service account.
/// </summary>
internal static class RunTemplateDefaults
{
    public const string ProjectNumber = "123456789012";

    public static JsonObject Apply(JsonObject? template)
    {
        var t = (JsonObject?)template?.DeepClone() ?? new JsonObject();
        t["timeout"] ??= "300s";
        t["maxInstanceRequestConcurrency"] ??= 80;
        t["serviceAccount"] ??= $"{ProjectNumber}-compute@developer.gserviceaccount.com";
        var scaling = t.Obj("scaling") ?? new JsonObject();
        scaling["maxInstanceCount"] ??= 100;
        if (scaling.Int("minInstanceCount") == 0)
        {
            scaling.Remove("minInstanceCount");
        }
        t["scaling"] = scaling;
        var containers = t.Arr("containers")?.OfType<JsonObject>().ToList() ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            Container(containers[i], ingress: i == 0);
        }
        return t;
    }

    private static void Container(JsonObject c, bool ingress)
    {
        var resources = c.Obj("resources") ?? new JsonObject();
        var limits = resources.Obj("limits") ?? new JsonObject();
        limits["cpu"] ??= "1000m";
        limits["memory"] ??= "512Mi";
        resources["limits"] = limits;
        c["resources"] = resources;
        var port = 8080;
        if (ingress)
        {
            var ports = c.Arr("ports") is { Count: > 0 } given ? given : new JsonArray(new JsonObject { ["containerPort"] = 8080 });
            foreach (var p in ports.OfType<JsonObject>())
            {
                p["name"] ??= "http1";
            }
            c["ports"] = ports;
            port = ports.OfType<JsonObject>().First().Int("containerPort") ?? 8080;
            c["startupProbe"] ??= new JsonObject
            {
                ["timeoutSeconds"] = 240, ["periodSeconds"] = 240, ["failureThreshold"] = 1, ["tcpSocket"] = new JsonObject { ["port"] = port },
            };
        }
        Probe(c.Obj("startupProbe"), port);
        Probe(c.Obj("livenessProbe"), port);
    }

    private static void Probe(JsonObject? probe, int port)
    {
        if (probe is null)
        {
            return;
        }
        probe["timeoutSeconds"] ??= 1;
        probe["periodSeconds"] ??= 10;
        probe["failureThreshold"] ??= 3;
        foreach (var handler in new[] { probe.Obj("httpGet"), probe.Obj("tcpSocket"), probe.Obj("grpc") }.OfType<JsonObject>())
        {
            handler["port"] ??= port;
        }
        if (probe.Obj("httpGet") is { } http)
        {
            http["path"] ??= "/";
        }
    }
}
