using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>JSON as the discovery document defines it: camelCase members, nulls left out, int64 as strings (on the members).</summary>
internal static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
