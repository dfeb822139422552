namespace Reconciler.Core.Guardrails;

/// <summary>
/// One dimension of where a resource lives that an operator can restrict writes to (<see cref="WriteAllowList"/>).
/// A platform reports the dimensions that apply to it; the others do not constrain it.
/// </summary>
public enum WriteScope
{
    AwsAccount,
    AwsRegion,
    EcsCluster,
    GcpProject,
    GcpRegion,
}
