using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// Serializer settings for the hand-written ECS client (ECS names members in camelCase).
/// Nulls are not written (null means "not set"); unknown members are ignored when reading, so new AWS fields do not break us.
/// </summary>
internal static class AwsJson
{
    public static JsonSerializerOptions Ecs { get; } = Create(JsonNamingPolicy.CamelCase);

    private static JsonSerializerOptions Create(JsonNamingPolicy? namingPolicy)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = namingPolicy,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
