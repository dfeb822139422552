namespace Reconciler.Emulator.Ssm;

/// <summary>One version of an SSM parameter.</summary>
internal sealed record SsmParameter(string Name, string Type, string Value, long Version, DateTimeOffset LastModified, string Arn, string DataType);
