using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Reconciler.Core.Verification;

namespace Reconciler.Engine.Verification;

/// <summary>
/// One <c>verify.http</c> probe: GET the URL (placeholders filled), bounded by the check's timeout and a response cap of
/// <see cref="MaxBodyBytes"/>; pass when the status is expected and, if set, the body matches <c>expectBody</c>. The
/// evidence of a failure is what a person would have seen with curl: the status and the start of the body.
/// </summary>
internal static class HttpProbe
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int ExcerptChars = 80;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static async Task<CheckOutcome> ProbeAsync(HttpClient http, HttpCheckSpec check, string url, TimeProvider wallClock, CancellationToken ct)
    {
        var timeout = check.Timeout ?? HttpCheckSpec.DefaultTimeout;
        using var deadline = new CancellationTokenSource(timeout, wallClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("reconciler-verify", "1"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var (bytes, _) = await BoundedBody.ReadAsync(response.Content, MaxBodyBytes, linked.Token);
            var body = Encoding.UTF8.GetString(bytes);
            var status = (int)response.StatusCode;
            var seen = string.Create(CultureInfo.InvariantCulture, $"status {status}, body: {Excerpt(body)}");
            if (!check.EffectiveStatus.Contains(status))
            {
                return new CheckOutcome(CheckResult.Fail, $"{seen} (expected {string.Join(" or ", check.EffectiveStatus)})");
            }
            if (check.ExpectBody is { } pattern && !Regex.IsMatch(body, pattern, RegexOptions.None, RegexTimeout))
            {
                return new CheckOutcome(CheckResult.Fail, $"{seen} (body does not match /{pattern}/)");
            }
            return new CheckOutcome(CheckResult.Pass, string.Create(CultureInfo.InvariantCulture, $"status {status}"));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new CheckOutcome(CheckResult.Fail, $"no answer within the timeout of {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");
        }
        catch (RegexMatchTimeoutException)
        {
            return new CheckOutcome(CheckResult.Fail, "expectBody took longer than 1s to match; simplify the regular expression");
        }
        catch (HttpRequestException ex)
        {
            return new CheckOutcome(CheckResult.Fail, $"request failed: {ex.Message}");
        }
    }

    private static string Excerpt(string body)
    {
        var flat = Regex.Replace(body, @"\s+", " ").Trim();
        return flat.Length == 0 ? "(empty)" : flat.Length <= ExcerptChars ? flat : flat[..ExcerptChars] + "…";
    }
}
