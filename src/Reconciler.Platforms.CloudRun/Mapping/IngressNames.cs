using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Mapping;

/// <summary>The manifest spells ingress as gcloud does (all, internal, internal-and-cloud-load-balancing); the API by enum name.</summary>
internal static class IngressNames
{
    private static readonly (string Manifest, string Api)[] Pairs =
    [
        ("all", RunEnums.IngressAll),
        ("internal", RunEnums.IngressInternalOnly),
        ("internal-and-cloud-load-balancing", RunEnums.IngressInternalLoadBalancer),
        ("none", RunEnums.IngressNone),
    ];

    public static string? ToApi(string? ingress) =>
        ingress is null ? null : Pairs.FirstOrDefault(p => p.Manifest == ingress || p.Api == ingress).Api ?? ingress;

    /// <summary>The manifest spelling; an unspecified or unknown value stays as the API gave it.</summary>
    public static string? ToManifest(string? ingress) =>
        ingress is null or "INGRESS_TRAFFIC_UNSPECIFIED" ? null : Pairs.FirstOrDefault(p => p.Api == ingress || p.Manifest == ingress).Manifest ?? ingress;
}
