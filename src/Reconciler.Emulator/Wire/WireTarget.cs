using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Ssm;

namespace Reconciler.Emulator.Wire;

/// <summary>The service and operation named by an X-Amz-Target header ("AmazonSSM.GetParameter").</summary>
internal sealed record WireTarget(string Service, string Operation, bool Known)
{
    public static WireTarget Parse(string header)
    {
        var dot = header.LastIndexOf('.');
        var prefix = dot > 0 ? header[..dot] : header;
        var operation = dot > 0 ? header[(dot + 1)..] : "";
        return prefix switch
        {
            EcsApi.TargetPrefix => new WireTarget("ecs", operation, EcsApi.Operations.ContainsKey(operation)),
            SsmApi.TargetPrefix => new WireTarget("ssm", operation, SsmApi.Operations.ContainsKey(operation)),
            _ => new WireTarget("unknown", header, false),
        };
    }

    public void EnsureKnown()
    {
        if (!Known)
        {
            throw new AwsException("UnknownOperationException", $"Operation '{Operation}' is not supported by this emulator.");
        }
    }
}
