namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// An SSM <c>Parameter</c> as the resolver sees it. <see cref="Value"/> of a SecureString is SSM's ciphertext (we never
/// decrypt), but <see cref="ToString"/> still leaves it out: a record's generated ToString would print it into any log
/// line or exception message it reached.
/// </summary>
public sealed record Parameter
{
    public string? Name { get; init; }

    /// <summary>String, StringList or SecureString.</summary>
    public string? Type { get; init; }
    public string? Value { get; init; }
    public long Version { get; init; }

    /// <summary>":3" or ":label" when the request named a version or label ("/app/image:3").</summary>
    public string? Selector { get; init; }
    public string? Arn { get; init; }

    public override string ToString() => $"Parameter {{ Name = {Name}, Type = {Type}, Version = {Version}, Value = *** }}";
}
