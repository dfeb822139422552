using System.Globalization;
using System.Text.Json;
using Reconciler.Core.Verification;

namespace Reconciler.Engine.Verification;

/// <summary>
/// One <c>verify.prometheus</c> check: an instant query through the HTTP API (<c>GET /api/v1/query?query=…&amp;time=…</c>),
/// evaluated at the world's clock (simulated on the emulator), whose single scalar or vector value must satisfy the
/// success condition. No data (an empty vector, NaN) or an unreachable server is inconclusive; a value outside the
/// condition, more than one series, or a query Prometheus rejects is a failure.
/// </summary>
internal static class PrometheusQuery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int MaxBodyBytes = 256 * 1024;

    public static async Task<CheckOutcome> QueryAsync(HttpClient http, string address, PrometheusCheckSpec check, DateTimeOffset at,
        TimeProvider wallClock, CancellationToken ct)
    {
        if (!SuccessCondition.TryParse(check.SuccessCondition, out var condition))
        {
            return new CheckOutcome(CheckResult.Fail, $"successCondition '{check.SuccessCondition}' is not a comparison");
        }
        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var url = $"{address.TrimEnd('/')}/api/v1/query?query={Uri.EscapeDataString(check.Query)}&time={time}";
        using var deadline = new CancellationTokenSource(Timeout, wallClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if ((int)response.StatusCode >= 500)
            {
                return new CheckOutcome(CheckResult.Inconclusive, $"Prometheus answered {(int)response.StatusCode}");
            }
            // The cap holds for a chunked answer too (no Content-Length), not only for one that announces its size.
            var (bytes, truncated) = response.Content.Headers.ContentLength > MaxBodyBytes
                ? (default, true)
                : await BoundedBody.ReadAsync(response.Content, MaxBodyBytes, linked.Token);
            if (truncated)
            {
                return new CheckOutcome(CheckResult.Fail, "the query's answer is larger than 256 KiB; aggregate it to one value (e.g. sum(...))");
            }
            using var json = JsonDocument.Parse(bytes);
            return Judge(json.RootElement, condition);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new CheckOutcome(CheckResult.Inconclusive, "Prometheus did not answer within 10s");
        }
        catch (HttpRequestException ex)
        {
            return new CheckOutcome(CheckResult.Inconclusive, $"Prometheus unreachable: {ex.Message}");
        }
        catch (QueryShapeException ex)
        {
            return new CheckOutcome(CheckResult.Fail, ex.Message);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new CheckOutcome(CheckResult.Inconclusive, "Prometheus answered something that is not its JSON API");
        }
    }

    internal static CheckOutcome Judge(JsonElement root, SuccessCondition condition)
    {
        if (root.TryGetProperty("status", out var status) && status.GetString() != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error given";
            return new CheckOutcome(CheckResult.Fail, $"Prometheus rejected the query: {error}");
        }
        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        var value = data.GetProperty("resultType").GetString() switch
        {
            "scalar" => result,
            "vector" when result.GetArrayLength() == 0 => default,
            "vector" when result.GetArrayLength() > 1 =>
                throw new QueryShapeException($"the query returned {result.GetArrayLength()} series; aggregate it to one (e.g. sum(...))"),
            "vector" => result[0].GetProperty("value"),
            var other => throw new QueryShapeException($"the query returned a {other}; it must return a scalar or one series"),
        };
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return new CheckOutcome(CheckResult.Inconclusive, "the query returned no data");
        }
        var number = value[1].GetString() switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        if (double.IsNaN(number))
        {
            return new CheckOutcome(CheckResult.Inconclusive, "the query returned NaN (no traffic to divide by?)");
        }
        var shown = number.ToString("G6", CultureInfo.InvariantCulture);
        return condition.IsMetBy(number)
            ? new CheckOutcome(CheckResult.Pass, $"value {shown} {condition}")
            : new CheckOutcome(CheckResult.Fail, $"value {shown}, wants {condition}");
    }
}
