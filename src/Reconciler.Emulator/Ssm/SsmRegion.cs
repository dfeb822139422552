using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ssm;

/// <summary>SSM Parameter Store of one region: the latest version of each parameter, by name.</summary>
internal sealed class SsmRegion(string region, string account, IdGenerator ids)
{
    public SortedDictionary<string, SsmParameter> Parameters { get; } = new(StringComparer.Ordinal);

    public IdGenerator Ids { get; } = ids;

    public string Arn(string name) => $"arn:aws:ssm:{region}:{account}:parameter/{name.TrimStart('/')}";
}
