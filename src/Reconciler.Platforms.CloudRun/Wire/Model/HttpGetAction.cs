namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>HTTPGetAction</c>.</summary>
internal sealed class HttpGetAction
{
    public string? Path { get; set; }
    public List<HttpHeader>? HttpHeaders { get; set; }
    public int? Port { get; set; }
}
