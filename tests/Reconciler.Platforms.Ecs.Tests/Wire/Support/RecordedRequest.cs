namespace Reconciler.Platforms.Ecs.Tests.Wire.Support;

/// <summary>One request as the server (or the capturing handler) saw it. Header names are lower-case.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Target => Headers.TryGetValue("x-amz-target", out var t) ? t : "";

    public string Operation => Target[(Target.IndexOf('.') + 1)..];

    public System.Text.Json.Nodes.JsonNode? Json => System.Text.Json.Nodes.JsonNode.Parse(Body);

    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : "";
}

/// <summary>What the fake answers: status, JSON body, optional extra headers.</summary>
public sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Ok(string body = "{}") => new(200, body);

    public static CannedResponse Error(int status, string type, string message) =>
        new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");
}
