using System.Text.Json.Serialization;

namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// SSM <c>Parameter</c>. <see cref="Value"/> may be a decrypted SecureString, so <see cref="ToString"/> leaves it out:
/// a record's generated ToString would print it into any log line or exception message it reached.
/// </summary>
public sealed record Parameter
{
    public string? Name { get; init; }

    /// <summary>String, StringList or SecureString.</summary>
    public string? Type { get; init; }
    public string? Value { get; init; }
    public long Version { get; init; }
    public string? Selector { get; init; }
    public DateTimeOffset? LastModifiedDate { get; init; }

    [JsonPropertyName("ARN")]
    public string? Arn { get; init; }
    public string? DataType { get; init; }

    public override string ToString() => $"Parameter {{ Name = {Name}, Type = {Type}, Version = {Version}, Value = *** }}";
}

/// <summary>SSM <c>ParameterStringFilter</c> for GetParametersByPath (e.g. Key "Type", Values ["SecureString"]).</summary>
public sealed record ParameterStringFilter
{
    public required string Key { get; init; }
    public string? Option { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}
