using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.TaskDefinitions;

/// <summary>The server-side checks of RegisterTaskDefinition that a client would hit against real ECS.</summary>
internal static partial class TaskDefinitionValidator
{
    public static void Validate(JsonObject request)
    {
        var family = request.Str("family");
        if (family is null || !FamilyPattern().IsMatch(family))
        {
            throw AwsException.Client("Family contains invalid characters or is empty. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }
        var containers = request.Arr("containerDefinitions")?.OfType<JsonObject>().ToList() ?? [];
        if (containers.Count == 0)
        {
            throw AwsException.Client("Container list cannot be empty.");
        }
        var names = new HashSet<string>();
        foreach (var container in containers)
        {
            var name = container.Str("name") ?? throw AwsException.Client("Container.name should not be null or empty.");
            _ = container.Str("image") ?? throw AwsException.Client($"Container.image should not be null or empty (container '{name}').");
            if (!names.Add(name))
            {
                throw AwsException.Client($"Duplicate container name '{name}'. Container names must be unique within a task definition.");
            }
            ValidateHealthCheck(name, container.Obj("healthCheck"));
            ValidatePorts(name, container, request.Str("networkMode"));
        }
        ValidateFargate(request);
    }

    private static void ValidateHealthCheck(string container, JsonObject? check)
    {
        if (check is null)
        {
            return;
        }
        if (check.Strings("command").Count == 0)
        {
            throw AwsException.Client($"Health check command for container '{container}' cannot be empty.");
        }
        foreach (var (member, min, max) in new[] { ("interval", 5, 300), ("timeout", 2, 120), ("retries", 1, 10), ("startPeriod", 0, 300) })
        {
            if (check.Int(member) is { } value && (value < min || value > max))
            {
                throw AwsException.Client($"Invalid '{member}' setting for container '{container}': {value}. It must be between {min} and {max}.");
            }
        }
    }

    private static void ValidatePorts(string container, JsonObject definition, string? networkMode)
    {
        foreach (var mapping in definition.Arr("portMappings")?.OfType<JsonObject>() ?? [])
        {
            if (networkMode == "awsvpc" && mapping.Int("hostPort") is { } host && host != mapping.Int("containerPort"))
            {
                throw AwsException.Client($"When networkMode=awsvpc, the host ports and container ports in port mappings must match (container '{container}').");
            }
        }
    }

    private static void ValidateFargate(JsonObject request)
    {
        if (!request.Strings("requiresCompatibilities").Contains("FARGATE"))
        {
            return;
        }
        if (request.Str("networkMode") != "awsvpc")
        {
            throw AwsException.Client("Fargate only supports network mode 'awsvpc'.");
        }
        if (request.Str("cpu") is null || request.Str("memory") is null)
        {
            throw AwsException.Client("Fargate requires that 'cpu' and 'memory' be defined at the task level.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex FamilyPattern();
}
