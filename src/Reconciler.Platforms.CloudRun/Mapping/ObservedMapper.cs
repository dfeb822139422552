using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Mapping;

/// <summary>
/// v2 Service → <see cref="ObservedCloudRunService"/>, normalized so server-filled values are never drift: probe
/// and scaling numbers the JSON leaves out (proto3 zero values) read as the API's defaults, quantities are
/// canonical ("1000m" = "1"), ingress in the manifest spelling, revision names short, the service-level
/// <c>scaling</c> block ignored, and the terminal condition ("Ready") listed among the conditions.
/// </summary>
internal static class ObservedMapper
{
    public static ObservedCloudRunService Service(RunService s)
    {
        var name = s.Name ?? "";
        var parts = name.Split('/');
        var template = s.Template ?? new RevisionTemplate();
        var spec = new CloudRunServiceSpec(
            parts.Length > 1 ? parts[1] : "",
            parts.Length > 3 ? parts[3] : "",
            Containers: (template.Containers ?? []).Select(Container).ToArray(),
            Scaling: new CloudRunScaling(template.Scaling?.MinInstanceCount ?? 0, template.Scaling?.MaxInstanceCount),
            ServiceAccount: template.ServiceAccount,
            Ingress: IngressNames.ToManifest(s.Ingress) ?? "all");
        var terminal = s.TerminalCondition is { } t ? Condition(t) : null;
        var conditions = (s.Conditions ?? []).Select(Condition).ToList();
        if (terminal is not null && conditions.All(c => c.Type != terminal.Type))
        {
            conditions.Insert(0, terminal);
        }
        return new ObservedCloudRunService(
            name,
            s.Uri,
            ResourceNames.Short(s.LatestReadyRevision),
            ResourceNames.Short(s.LatestCreatedRevision),
            spec,
            Traffic(s.Traffic ?? []),
            conditions,
            s.Labels ?? new Dictionary<string, string>(),
            s.Reconciling ?? false,
            s.Generation,
            s.ObservedGeneration,
            s.Annotations ?? new Dictionary<string, string>(),
            terminal,
            (s.TrafficStatuses ?? []).Select(ts => Target(ts.Type, ts.Revision, ts.Percent, ts.Tag)).ToArray(),
            null,
            template.Revision);
    }

    public static ObservedCloudRunRevision Revision(RunRevision r) => new(
        ResourceNames.Short(r.Name) ?? "",
        (r.Conditions ?? []).Select(Condition).ToArray(),
        r.Reconciling ?? false,
        DateTimeOffset.TryParse(r.CreateTime, System.Globalization.CultureInfo.InvariantCulture, out var created) ? created : null);

    public static IReadOnlyList<CloudRunTrafficTarget> Traffic(IEnumerable<TrafficTarget> traffic) =>
        traffic.Select(t => Target(t.Type, t.Revision, t.Percent, t.Tag)).ToArray();

    private static CloudRunTrafficTarget Target(string? type, string? revision, int? percent, string? tag) =>
        type == RunEnums.TrafficLatest
            ? new CloudRunTrafficTarget(percent ?? 0, Latest: true, Tag: tag)
            : new CloudRunTrafficTarget(percent ?? 0, Revision: ResourceNames.Short(revision), Tag: tag);

    private static CloudRunCondition Condition(RunCondition c) => new(
        c.Type ?? "",
        c.State ?? "STATE_UNSPECIFIED",
        c.Reason is null or "COMMON_REASON_UNDEFINED" ? null : c.Reason,
        c.Message,
        c.RevisionReason is null or "REVISION_REASON_UNDEFINED" ? null : c.RevisionReason);

    private static CloudRunContainerSpec Container(RunContainer c)
    {
        var env = (c.Env ?? []).Where(e => e.ValueSource?.SecretKeyRef is null && e.Name is not null)
            .ToDictionary(e => e.Name!, e => Value.Of(e.Value ?? ""));
        var secrets = (c.Env ?? []).Where(e => e.ValueSource?.SecretKeyRef is not null && e.Name is not null)
            .ToDictionary(e => e.Name!, e => (SecretRef)new SecretRef.SecretManagerSecret(
                e.ValueSource!.SecretKeyRef!.Secret ?? "", e.ValueSource.SecretKeyRef.Version ?? "latest"));
        var limits = c.Resources?.Limits;
        return new CloudRunContainerSpec(
            Value.Of(c.Image ?? ""),
            c.Name,
            c.Command,
            c.Args,
            env,
            secrets,
            (c.Ports ?? []).Select(p => new CloudRunPort(p.Port ?? 8080, p.Name)).ToArray(),
            limits is null ? null : new CloudRunResources(Quantities.Cpu(limits.GetValueOrDefault("cpu")), Quantities.Memory(limits.GetValueOrDefault("memory"))),
            Probe(c.StartupProbe),
            Probe(c.LivenessProbe));
    }

    /// <summary>Kubernetes probe defaults stand in for members the JSON leaves out (delay 0, period 10s, timeout 1s, threshold 3).</summary>
    private static CloudRunProbe? Probe(Probe? p) => p is null ? null : new CloudRunProbe(
        p.HttpGet is { } h ? new CloudRunHttpGet(h.Path ?? "/", h.Port) : null,
        p.TcpSocket is { } t ? new CloudRunTcpSocket(t.Port) : null,
        p.Grpc is { } g ? new CloudRunGrpc(g.Service, g.Port) : null,
        TimeSpan.FromSeconds(p.InitialDelaySeconds ?? 0),
        TimeSpan.FromSeconds(p.PeriodSeconds ?? 10),
        TimeSpan.FromSeconds(p.TimeoutSeconds ?? 1),
        p.FailureThreshold ?? 3);
}
