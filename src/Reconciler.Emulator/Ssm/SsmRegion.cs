using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Ssm;

/// <summary>SSM Parameter Store of one region: the latest version of each parameter, by name.</summary>
internal sealed class SsmRegion(string region, string account, IdGenerator ids)
{
    public SortedDictionary<string, SsmParameter> Parameters { get; } = new(StringComparer.Ordinal);

    public IdGenerator Ids { get; } = ids;

    public string Arn(string name) => $"arn:aws:ssm:{region}:{account}:parameter/{name.TrimStart('/')}";

    /// <summary>SSM accepts a parameter's ARN wherever it takes a name; hierarchical names regain their leading slash.</summary>
    public SsmParameter? Find(string nameOrArn) =>
        Parameters.GetValueOrDefault(nameOrArn)
        ?? (nameOrArn.StartsWith("arn:aws:ssm:", StringComparison.Ordinal)
            ? Parameters.Values.FirstOrDefault(p => p.Arn == nameOrArn)
            : null);
}
