using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Mapping;

/// <summary>
/// Desired (normalized) spec → the v2 Service body Reconciler sends. Only managed members are set; traffic not
/// declared means 100 % to the latest ready revision (what a deploy is for). Secrets become
/// <c>valueSource.secretKeyRef</c> and never carry a value.
/// </summary>
internal static class RequestMapper
{
    public static RunService Service(CloudRunServiceSpec spec, string? name, string revision, IReadOnlyDictionary<string, string> annotations) => new()
    {
        Name = name,
        Labels = spec.Labels?.ToDictionary(kv => kv.Key, kv => kv.Value),
        Annotations = annotations.ToDictionary(kv => kv.Key, kv => kv.Value),
        Ingress = IngressNames.ToApi(spec.Ingress),
        Template = new RevisionTemplate
        {
            Revision = revision,
            ServiceAccount = spec.ServiceAccount,
            Scaling = spec.Scaling is { } s ? new RevisionScaling { MinInstanceCount = s.MinInstances, MaxInstanceCount = s.MaxInstances } : null,
            Containers = spec.EffectiveContainers.Select(Container).ToList(),
        },
        Traffic = Traffic(spec.Traffic ?? [new CloudRunTrafficTarget(100, Latest: true)]),
    };

    /// <summary>The update mask of a deploy: the members Reconciler manages (unset ones are left to whoever set them).</summary>
    public static string DeployMask(CloudRunServiceSpec spec) =>
        string.Join(",", new[] { "template", "annotations", "traffic", spec.Labels is null ? null : "labels", spec.Ingress is null ? null : "ingress" }.OfType<string>());

    public static List<TrafficTarget> Traffic(IEnumerable<CloudRunTrafficTarget> targets) => targets.Select(t => new TrafficTarget
    {
        Type = t.Latest == true ? RunEnums.TrafficLatest : RunEnums.TrafficRevision,
        Revision = t.Latest == true ? null : t.Revision,
        Percent = t.Percent,
        Tag = t.Tag,
    }).ToList();

    private static RunContainer Container(CloudRunContainerSpec c) => new()
    {
        Name = c.Name,
        Image = c.Image.Resolved,
        Command = c.Command?.ToList(),
        Args = c.Args?.ToList(),
        Env = Env(c),
        Ports = c.Ports?.Select(p => new ContainerPort { Name = p.Name, Port = p.ContainerPort }).ToList(),
        Resources = c.Resources is { } r && (r.Cpu ?? r.Memory) is not null ? new ResourceRequirements { Limits = Limits(r) } : null,
        StartupProbe = Probe(c.StartupProbe),
        LivenessProbe = Probe(c.LivenessProbe),
    };

    private static List<EnvVar>? Env(CloudRunContainerSpec c)
    {
        var literal = (c.Env ?? new Dictionary<string, Value>()).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new EnvVar { Name = kv.Key, Value = kv.Value.Resolved });
        var secrets = (c.Secrets ?? new Dictionary<string, SecretRef>()).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value is SecretRef.SecretManagerSecret s
                ? new EnvVar { Name = kv.Key, ValueSource = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Secret = s.Secret, Version = s.Version } } }
                : throw new ArgumentException($"secret {kv.Key} is not a Secret Manager reference"));
        var all = literal.Concat(secrets).ToList();
        return all.Count == 0 && c.Env is null && c.Secrets is null ? null : all;
    }

    private static Dictionary<string, string> Limits(CloudRunResources r)
    {
        var limits = new Dictionary<string, string>();
        if (r.Cpu is { } cpu)
        {
            limits["cpu"] = cpu;
        }
        if (r.Memory is { } memory)
        {
            limits["memory"] = memory;
        }
        return limits;
    }

    private static Probe? Probe(CloudRunProbe? p) => p is null ? null : new Probe
    {
        HttpGet = p.HttpGet is { } h ? new HttpGetAction { Path = h.Path, Port = h.Port } : null,
        TcpSocket = p.TcpSocket is { } t ? new TcpSocketAction { Port = t.Port } : null,
        Grpc = p.Grpc is { } g ? new GrpcAction { Service = g.Service, Port = g.Port } : null,
        InitialDelaySeconds = Seconds(p.InitialDelay),
        PeriodSeconds = Seconds(p.Period),
        TimeoutSeconds = Seconds(p.Timeout),
        FailureThreshold = p.FailureThreshold,
    };

    private static int? Seconds(TimeSpan? value) => value is { } v ? (int)v.TotalSeconds : null;

    public static string ServiceName(CloudRunServiceManifest m) => ResourceNames.Service(m.Spec.Project, m.Spec.Region, m.Metadata.Name);
}
