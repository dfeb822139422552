using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ssm;

/// <summary>PutParameter, GetParameter, GetParameters, GetParametersByPath, DeleteParameter.</summary>
internal static class SsmOperations
{
    private static readonly string[] Types = ["String", "StringList", "SecureString"];

    public static JsonObject Put(SsmCall call)
    {
        var (region, body, now) = call;
        var name = SsmNames.Validate(body.RequiredStr("Name", "ValidationException"));
        var value = body.Str("Value") ?? throw AwsException.SsmValidation("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must not be null");
        region.Parameters.TryGetValue(name, out var existing);
        if (existing is not null && body.Bool("Overwrite") != true)
        {
            throw new AwsException("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        }
        var type = body.Str("Type") ?? existing?.Type ?? throw AwsException.SsmValidation("A parameter type is required when you create a parameter.");
        if (!Types.Contains(type))
        {
            throw AwsException.SsmValidation($"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
        }
        var version = (existing?.Version ?? 0) + 1;
        region.Parameters[name] = new SsmParameter(name, type, value, version, now, region.Arn(name), body.Str("DataType") ?? "text");
        return new JsonObject { ["Version"] = version, ["Tier"] = "Standard" };
    }

    public static JsonObject Get(SsmCall call)
    {
        var name = call.Body.RequiredStr("Name", "ValidationException");
        var parameter = call.Region.Find(name) ?? throw new AwsException("ParameterNotFound", $"Parameter {name} not found.");
        return new JsonObject { ["Parameter"] = SsmJson.ToJson(parameter, call.Body.Bool("WithDecryption") == true) };
    }

    public static JsonObject GetMany(SsmCall call)
    {
        var names = call.Body.Strings("Names");
        if (names.Count is 0 or > 10)
        {
            throw AwsException.SsmValidation($"1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10 and greater than or equal to 1 (got {names.Count}).");
        }
        var decrypt = call.Body.Bool("WithDecryption") == true;
        var found = names.Distinct().Where(n => call.Region.Find(n) is not null).ToList();
        return new JsonObject
        {
            ["Parameters"] = found.Select(n => (JsonNode)SsmJson.ToJson(call.Region.Find(n)!, decrypt)).ToJsonArray(),
            ["InvalidParameters"] = names.Distinct().Except(found).ToJsonArray(),
        };
    }

    public static JsonObject GetByPath(SsmCall call)
    {
        var path = call.Body.RequiredStr("Path", "ValidationException");
        if (!path.StartsWith('/'))
        {
            throw AwsException.SsmValidation("The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\".");
        }
        var prefix = path.EndsWith('/') ? path : path + "/";
        var recursive = call.Body.Bool("Recursive") == true;
        var matching = call.Region.Parameters.Values
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && (recursive || !p.Name[prefix.Length..].Contains('/')))
            .ToList();
        var size = Math.Clamp(call.Body.Int("MaxResults") ?? 10, 1, 10);
        var (page, next) = PageToken.Page(matching, PageToken.Offset(call.Body.Str("NextToken"), "ValidationException"), size);
        var decrypt = call.Body.Bool("WithDecryption") == true;
        var result = new JsonObject { ["Parameters"] = page.Select(p => (JsonNode)SsmJson.ToJson(p, decrypt)).ToJsonArray() };
        if (next is not null)
        {
            result["NextToken"] = next;
        }
        return result;
    }

    public static JsonObject Delete(SsmCall call)
    {
        var name = call.Body.RequiredStr("Name", "ValidationException");
        return call.Region.Parameters.Remove(name) ? new JsonObject() : throw new AwsException("ParameterNotFound", $"Parameter {name} not found.");
    }
}
