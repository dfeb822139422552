using System.Text.Json.Nodes;
using System.Web;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>Checks one recorded exchange against the discovery document: path, query parameters, request body, answer.</summary>
internal static class ExchangeChecker
{
    public static IReadOnlyList<string> Check(DiscoveryDocument discovery, RecordedExchange exchange)
    {
        var path = exchange.Uri.AbsolutePath;
        var method = discovery.Match(exchange.Method, path);
        if (method is null)
        {
            return [$"{exchange.Method} {path}: no method of the discovery document has this path"];
        }
        var problems = new List<string>();
        var query = HttpUtility.ParseQueryString(exchange.Uri.Query);
        foreach (var key in query.AllKeys.OfType<string>())
        {
            var parameter = method.Parameters[key] ?? discovery.GlobalParameters[key];
            if (parameter is null || parameter["location"]?.GetValue<string>() != "query")
            {
                problems.Add($"{method.Id}: query parameter '{key}' is not declared");
                continue;
            }
            var value = query[key]!;
            var type = parameter["type"]!.GetValue<string>();
            if ((type == "integer" && !int.TryParse(value, out _)) || (type == "boolean" && value is not ("true" or "false")))
            {
                problems.Add($"{method.Id}: query parameter '{key}={value}' is not a {type}");
            }
        }
        if (exchange.RequestBody is { Length: > 0 } body)
        {
            problems.AddRange(method.Request is null
                ? [$"{method.Id}: sends a body but takes none"]
                : SchemaChecker.Check(discovery, method.Request, JsonNode.Parse(body), request: true).Select(p => $"{method.Id} request {p}"));
        }
        if (exchange.Status is >= 200 and < 300 && method.Response is { } response)
        {
            problems.AddRange(SchemaChecker.Check(discovery, response, JsonNode.Parse(exchange.ResponseBody!), request: false).Select(p => $"{method.Id} response {p}"));
        }
        else if (exchange.Status is { } status and >= 400)
        {
            problems.AddRange(ErrorBody(method.Id, status, exchange.ResponseBody));
        }
        return problems;
    }

    /// <summary>Google's error body: {error: {code, message, status, details}} where error without status is a google.rpc.Status.</summary>
    private static IEnumerable<string> ErrorBody(string method, int status, string? body)
    {
        var error = JsonNode.Parse(body ?? "{}")?["error"] as JsonObject;
        if (error is null)
        {
            yield return $"{method} error {status}: body has no 'error' object";
            yield break;
        }
        if (error["code"]?.GetValue<int>() != status)
        {
            yield return $"{method} error {status}: error.code is not the HTTP status";
        }
        if (error["status"]?.GetValue<string>() is not { Length: > 0 })
        {
            yield return $"{method} error {status}: error.status is missing";
        }
        var status2 = (JsonObject)error.DeepClone();
        status2.Remove("status");
        foreach (var p in SchemaChecker.Check(DiscoveryDocument.Load(), "GoogleRpcStatus", status2, request: false))
        {
            yield return $"{method} error {p}";
        }
    }
}
