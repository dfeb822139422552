using System.Net;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>A wire response: HTTP status and JSON body (an AWS error has <c>__type</c> and <c>message</c>).</summary>
internal sealed record WireResponse(HttpStatusCode Status, JsonObject Body)
{
    public string? ErrorType => Body["__type"]?.GetValue<string>();

    public string? Message => Body["message"]?.GetValue<string>();

    public bool Ok => Status == HttpStatusCode.OK;
}
