namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>HTTPHeader</c>.</summary>
internal sealed class HttpHeader
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}
