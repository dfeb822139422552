using System.Text.Json;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>google.longrunning.Operation: <c>metadata</c> and <c>response</c> are Any (a Service with <c>@type</c>).</summary>
internal sealed class RunOperation
{
    public string? Name { get; set; }
    public Dictionary<string, JsonElement>? Metadata { get; set; }
    public bool? Done { get; set; }
    public RpcStatus? Error { get; set; }
    public Dictionary<string, JsonElement>? Response { get; set; }

    public bool IsDone => Done == true;
}
