using System.Text.RegularExpressions;
using Reconciler.Core.Verification;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation;

/// <summary>Value rules for <c>spec.verify</c>, the same on every kind.</summary>
internal static partial class VerifyValidator
{
    public static readonly TimeSpan MaxBakeTime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);
    public const int MaxLimit = 100;
    public const int MaxChecks = 10;
    private static readonly string[] Placeholders = ["{revision}", "{taskDefinition}"];

    public static void Validate(VerifySpec? verify, Findings findings)
    {
        if (verify is null)
        {
            return;
        }
        const string root = "spec.verify";
        Duration(verify.BakeTime, MaxBakeTime, root + ".bakeTime", "bakeTime", findings);
        var http = verify.Http ?? [];
        var prometheus = verify.Prometheus?.Checks ?? [];
        if (http.Count + prometheus.Count == 0)
        {
            findings.Error(DiagnosticCodes.MissingField, "verify needs at least one check under http or prometheus.checks; add one or remove verify", root);
        }
        if (http.Count + prometheus.Count > MaxChecks)
        {
            findings.Error(DiagnosticCodes.VerifyLimit, $"verify has {http.Count + prometheus.Count} checks; at most {MaxChecks} are allowed, merge some", root);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < http.Count; i++)
        {
            Http(http[i], $"{root}.http[{i}]", names, findings);
        }
        if (verify.Prometheus is { } server)
        {
            Url(server.Address, root + ".prometheus.address", allowPlaceholders: false, findings);
            for (var i = 0; i < prometheus.Count; i++)
            {
                Prometheus(prometheus[i], $"{root}.prometheus.checks[{i}]", names, findings);
            }
        }
    }

    private static void Http(HttpCheckSpec check, string path, HashSet<string> names, Findings findings)
    {
        Name(check.Name, path, names, findings);
        Url(check.Url, path + ".url", allowPlaceholders: true, findings);
        var codes = check.ExpectStatus?.Codes;
        if (codes is { Count: 0 })
        {
            findings.Error(DiagnosticCodes.MissingField, "expectStatus needs at least one status code, e.g. 200", path + ".expectStatus");
        }
        foreach (var code in codes ?? [])
        {
            if (code is < 100 or > 599)
            {
                findings.Error(DiagnosticCodes.VerifyLimit, $"expectStatus {code} is not an HTTP status; use 100 to 599, e.g. 200", path + ".expectStatus");
            }
        }
        if (check.ExpectBody is { } body)
        {
            try
            {
                _ = new Regex(body, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                findings.Error(DiagnosticCodes.VerifyRegex, $"expectBody is not a valid regular expression ({e.Message}); escape special characters such as ( [ . with \\", path + ".expectBody");
            }
        }
        Duration(check.Interval, MaxInterval, path + ".interval", "interval", findings);
        Duration(check.Timeout, MaxTimeout, path + ".timeout", "timeout", findings);
        // Only a timeout that passed its own bound is compared with the interval: one error per field.
        if (check.Timeout is { } timeout && timeout <= MaxTimeout && timeout > (check.Interval ?? HttpCheckSpec.DefaultInterval))
        {
            findings.Error(DiagnosticCodes.VerifyDuration, "timeout is longer than interval (default 10s); shorten the timeout or raise the interval", path + ".timeout");
        }
        findings.Range(check.FailureLimit, 0, MaxLimit, path + ".failureLimit", "failureLimit", DiagnosticCodes.VerifyLimit);
    }

    private static void Prometheus(PrometheusCheckSpec check, string path, HashSet<string> names, Findings findings)
    {
        Name(check.Name, path, names, findings);
        if (string.IsNullOrWhiteSpace(check.Query))
        {
            findings.Error(DiagnosticCodes.MissingField, "query is empty; give a PromQL expression that returns one value", path + ".query");
        }
        if (!SuccessCondition.TryParse(check.SuccessCondition, out _))
        {
            findings.Error(DiagnosticCodes.VerifyCondition,
                $"successCondition '{check.SuccessCondition}' is not a comparison; write an operator (<, <=, >, >=, ==, !=) and a number, e.g. \"< 0.01\"",
                path + ".successCondition");
        }
        Duration(check.Interval, MaxInterval, path + ".interval", "interval", findings);
        findings.Range(check.Count, 1, MaxLimit, path + ".count", "count", DiagnosticCodes.VerifyLimit);
        findings.Range(check.FailureLimit, 0, MaxLimit, path + ".failureLimit", "failureLimit", DiagnosticCodes.VerifyLimit);
        findings.Range(check.InconclusiveLimit, 0, MaxLimit, path + ".inconclusiveLimit", "inconclusiveLimit", DiagnosticCodes.VerifyLimit);
    }

    private static void Name(string name, string path, HashSet<string> names, Findings findings)
    {
        if (!CheckName().IsMatch(name))
        {
            findings.Error(DiagnosticCodes.InvalidName, $"check name '{name}' must be 1 to 32 lower-case letters, digits and '-', starting with a letter", path + ".name");
        }
        else if (!names.Add(name))
        {
            findings.Error(DiagnosticCodes.VerifyDuplicateCheck, $"a check named '{name}' is already defined in verify; give each check a unique name", path + ".name");
        }
    }

    private static void Url(string url, string path, bool allowPlaceholders, Findings findings)
    {
        foreach (Match placeholder in Placeholder().Matches(url))
        {
            if (!allowPlaceholders || !Placeholders.Contains(placeholder.Value))
            {
                findings.Error(DiagnosticCodes.VerifyPlaceholder,
                    allowPlaceholders
                        ? $"unknown placeholder {placeholder.Value}; only {{revision}} and {{taskDefinition}} are replaced"
                        : $"placeholder {placeholder.Value} is not replaced in a Prometheus address; write the address literally",
                    path);
                return;
            }
        }
        var literal = Placeholder().Replace(url, "x");
        if (!Uri.TryCreate(literal, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            findings.Error(DiagnosticCodes.VerifyUrl, $"'{url}' is not an absolute http(s) URL; write it like https://app.example.com/health", path);
        }
        else if (uri.UserInfo.Length > 0)
        {
            findings.Error(DiagnosticCodes.VerifyUrl, "the URL carries credentials (user:password@); remove them, they would reach logs and status", path);
        }
    }

    private static void Duration(TimeSpan? value, TimeSpan max, string path, string what, Findings findings)
    {
        if (value is { } v && (v <= TimeSpan.Zero || v > max))
        {
            findings.Error(DiagnosticCodes.VerifyDuration, $"{what} must be longer than 0s and at most {Binding.Durations.Format(max)}", path);
        }
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][-a-z0-9]{0,31}$")]
    private static partial Regex CheckName();
}
