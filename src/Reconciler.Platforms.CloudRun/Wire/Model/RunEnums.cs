namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>Enum values as the discovery document names them (sent and read by name).</summary>
internal static class RunEnums
{
    public const string TrafficLatest = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";
    public const string TrafficRevision = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION";
    public const string IngressAll = "INGRESS_TRAFFIC_ALL";
    public const string IngressInternalOnly = "INGRESS_TRAFFIC_INTERNAL_ONLY";
    public const string IngressInternalLoadBalancer = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
    public const string IngressNone = "INGRESS_TRAFFIC_NONE";
}
