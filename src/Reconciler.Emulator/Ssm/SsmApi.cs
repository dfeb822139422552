using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Ssm;

/// <summary>The SSM operations the emulator speaks, by X-Amz-Target operation name.</summary>
internal static class SsmApi
{
    public const string TargetPrefix = "AmazonSSM";

    public static IReadOnlyDictionary<string, Func<SsmCall, JsonObject>> Operations { get; } = new Dictionary<string, Func<SsmCall, JsonObject>>
    {
        ["PutParameter"] = SsmOperations.Put,
        ["GetParameter"] = SsmOperations.Get,
        ["GetParameters"] = SsmOperations.GetMany,
        ["GetParametersByPath"] = SsmOperations.GetByPath,
        ["DeleteParameter"] = SsmOperations.Delete,
    };
}
