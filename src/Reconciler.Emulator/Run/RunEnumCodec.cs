using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>
/// Enums as names (the default) or numbers (<c>$alt=json;enum-encoding=int</c>, what Google's generated REST clients
/// ask for). Requests may carry either; the stored state always holds names. Numbers are the proto values.
/// </summary>
internal static class RunEnumCodec
{
    private static readonly Dictionary<string, string[]> Dense = new()
    {
        ["ingress"] = ["INGRESS_TRAFFIC_UNSPECIFIED", "INGRESS_TRAFFIC_ALL", "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_NONE"],
        ["type"] = ["TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED", "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION"],
        ["state"] = ["STATE_UNSPECIFIED", "CONDITION_PENDING", "CONDITION_RECONCILING", "CONDITION_FAILED", "CONDITION_SUCCEEDED"],
        ["severity"] = ["SEVERITY_UNSPECIFIED", "ERROR", "WARNING", "INFO"],
        ["executionEnvironment"] = ["EXECUTION_ENVIRONMENT_UNSPECIFIED", "EXECUTION_ENVIRONMENT_GEN1", "EXECUTION_ENVIRONMENT_GEN2"],
        ["revisionReason"] = ["REVISION_REASON_UNDEFINED", "PENDING", "RESERVE", "RETIRED", "RETIRING", "RECREATING", "HEALTH_CHECK_CONTAINER_ERROR",
            "CUSTOMIZED_PATH_RESPONSE_PENDING", "MIN_INSTANCES_NOT_PROVISIONED", "ACTIVE_REVISION_LIMIT_REACHED", "NO_DEPLOYMENT", "HEALTH_CHECK_SKIPPED", "MIN_INSTANCES_WARMING"],
    };

    /// <summary>Enums whose proto numbers have gaps.</summary>
    private static readonly Dictionary<string, Dictionary<string, int>> Sparse = new()
    {
        ["reason"] = new()
        {
            ["COMMON_REASON_UNDEFINED"] = 0, ["UNKNOWN"] = 1, ["REVISION_FAILED"] = 3, ["PROGRESS_DEADLINE_EXCEEDED"] = 4, ["CONTAINER_MISSING"] = 6,
            ["CONTAINER_PERMISSION_DENIED"] = 7, ["CONTAINER_IMAGE_UNAUTHORIZED"] = 8, ["CONTAINER_IMAGE_AUTHORIZATION_CHECK_FAILED"] = 9,
            ["ENCRYPTION_KEY_PERMISSION_DENIED"] = 10, ["ENCRYPTION_KEY_CHECK_FAILED"] = 11, ["SECRETS_ACCESS_CHECK_FAILED"] = 12,
            ["WAITING_FOR_OPERATION"] = 13, ["IMMEDIATE_RETRY"] = 14, ["POSTPONED_RETRY"] = 15, ["INTERNAL"] = 16,
        },
        ["launchStage"] = new()
        {
            ["LAUNCH_STAGE_UNSPECIFIED"] = 0, ["EARLY_ACCESS"] = 1, ["ALPHA"] = 2, ["BETA"] = 3, ["GA"] = 4, ["DEPRECATED"] = 5, ["UNIMPLEMENTED"] = 6, ["PRELAUNCH"] = 7,
        },
    };

    /// <summary>Replaces numbers by names in a request body (in place).</summary>
    public static void ToNames(JsonNode? node) => Walk(node, (field, value) =>
        value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) ? Name(field, n) : null);

    /// <summary>Replaces names by numbers in a response body (in place).</summary>
    public static void ToNumbers(JsonNode? node) => Walk(node, (field, value) =>
        value.GetValueKind() == JsonValueKind.String && Number(field, value.GetValue<string>()) is { } n ? JsonValue.Create(n) : null);

    private static JsonValue? Name(string field, int n)
    {
        if (Dense.TryGetValue(field, out var names))
        {
            return n >= 0 && n < names.Length ? JsonValue.Create(names[n]) : throw RunException.InvalidArgument($"Invalid value at '{field}' ({n})");
        }
        if (Sparse.TryGetValue(field, out var map))
        {
            return map.FirstOrDefault(kv => kv.Value == n).Key is { } name ? JsonValue.Create(name) : throw RunException.InvalidArgument($"Invalid value at '{field}' ({n})");
        }
        return null;
    }

    private static int? Number(string field, string name)
    {
        if (Dense.TryGetValue(field, out var names) && Array.IndexOf(names, name) is >= 0 and var i)
        {
            return i;
        }
        return Sparse.TryGetValue(field, out var map) && map.TryGetValue(name, out var n) ? n : null;
    }

    private static void Walk(JsonNode? node, Func<string, JsonValue, JsonNode?> convert)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue v && convert(key, v) is { } replaced)
                    {
                        obj[key] = replaced;
                    }
                    else
                    {
                        Walk(child, convert);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, convert);
                }
                break;
        }
    }
}
