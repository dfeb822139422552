using Reconciler.Core.CloudRun;

namespace Reconciler.Core.Fingerprints;

/// <summary>
/// The canonical shape of a Cloud Run revision template. Container order is kept (the first container is the
/// ingress container); env and secrets are maps; ports are a set.
/// </summary>
internal static class CloudRunCanonicalForm
{
    private const string Schema = "cloud-run-template/v1";

    public static CanonicalObject Of(CloudRunServiceSpec spec) => new CanonicalObject()
        .Add("schema", Schema)
        .Add("serviceAccount", spec.ServiceAccount)
        .Add("scaling", spec.Scaling is { } s
            ? new CanonicalObject().Add("minInstances", s.MinInstances).Add("maxInstances", s.MaxInstances)
            : null)
        .AddObjects("containers", spec.EffectiveContainers.Select(Container));

    private static CanonicalObject Container(CloudRunContainerSpec c) => new CanonicalObject()
        .Add("name", c.Name)
        .Add("image", c.Image.Resolved)
        .AddOrdered("command", c.Command)
        .AddOrdered("args", c.Args)
        .AddMap("env", c.Env?.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Resolved)))
        .AddMap("secrets", c.Secrets?.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Reference)))
        .AddObjects("ports", c.Ports?.OrderBy(p => p.ContainerPort)
            .Select(p => new CanonicalObject().Add("containerPort", p.ContainerPort).Add("name", p.Name)))
        .Add("resources", c.Resources is { } r ? new CanonicalObject().Add("cpu", r.Cpu).Add("memory", r.Memory) : null)
        .Add("startupProbe", Probe(c.StartupProbe))
        .Add("livenessProbe", Probe(c.LivenessProbe));

    private static CanonicalObject? Probe(CloudRunProbe? p) => p is null ? null : new CanonicalObject()
        .Add("httpGet", p.HttpGet is { } h ? new CanonicalObject().Add("path", h.Path).Add("port", h.Port) : null)
        .Add("tcpSocket", p.TcpSocket is { } t ? new CanonicalObject().Add("port", t.Port) : null)
        .Add("grpc", p.Grpc is { } g ? new CanonicalObject().Add("service", g.Service).Add("port", g.Port) : null)
        .AddSeconds("initialDelay", p.InitialDelay)
        .AddSeconds("period", p.Period)
        .AddSeconds("timeout", p.Timeout)
        .Add("failureThreshold", p.FailureThreshold);
}
