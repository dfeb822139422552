using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>
/// JSON as the discovery document defines it: camelCase members, nulls left out, int64 as strings (on the members).
/// The contracts come from <see cref="RunJsonContext"/> (source generation, no reflection), so the client runs under
/// Native AOT; a type missing from the context fails at <see cref="JsonSerializerOptions.GetTypeInfo"/>.
/// </summary>
internal static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = RunJsonContext.Default,
    };
}

/// <summary>Every body <see cref="CloudRunApiClient"/> sends (by its runtime type) or reads; settings as <see cref="RunJson.Options"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RunService))]
[JsonSerializable(typeof(ListServicesResponse))]
[JsonSerializable(typeof(RunOperation))]
[JsonSerializable(typeof(ListRevisionsResponse))]
[JsonSerializable(typeof(RunRevision))]
[JsonSerializable(typeof(WaitOperationRequest))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
