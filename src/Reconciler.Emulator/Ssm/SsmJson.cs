using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ssm;

/// <summary>Renders a parameter as the SSM <c>Parameter</c> shape.</summary>
internal static class SsmJson
{
    public static JsonObject ToJson(SsmParameter parameter, bool decrypt) => new()
    {
        ["Name"] = parameter.Name,
        ["Type"] = parameter.Type,
        // Without WithDecryption AWS returns the ciphertext for SecureString; the plaintext never leaves.
        ["Value"] = parameter.Type == "SecureString" && !decrypt
            ? SecureStringCipher.Encrypt(parameter.Name, parameter.Version, parameter.Value)
            : parameter.Value,
        ["Version"] = parameter.Version,
        ["LastModifiedDate"] = JsonArgs.Epoch(parameter.LastModified),
        ["ARN"] = parameter.Arn,
        ["DataType"] = parameter.DataType,
    };
}
