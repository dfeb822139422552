using System.Text.Json;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>google.rpc.Status: a gRPC code (9 = FAILED_PRECONDITION, 13 = INTERNAL, ...), a message and details.</summary>
internal sealed class RpcStatus
{
    public int? Code { get; set; }
    public string? Message { get; set; }
    public List<JsonElement>? Details { get; set; }
}
