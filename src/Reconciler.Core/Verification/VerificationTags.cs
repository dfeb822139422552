using System.Globalization;
using System.Text;

namespace Reconciler.Core.Verification;

/// <summary>
/// The verification state as tags (ECS) or annotations (Cloud Run), the same keys on both, so a restarted daemon
/// resumes a verification instead of starting it over: <c>reconciler.io/verify</c> = "target specHash startedAt" and
/// <c>reconciler.io/verify-N</c> = "passes failures inconclusives lastAt last evidence" per check. Times are Unix
/// milliseconds; the evidence is Base64 of at most <see cref="MaxEvidenceBytes"/> UTF-8 bytes, because an ECS tag value
/// allows only letters, digits, spaces and <c>_ . : / = + - @</c> and at most 256 characters.
/// </summary>
public static class VerificationTags
{
    public const string Started = "reconciler.io/verify";
    public const string CheckPrefix = "reconciler.io/verify-";
    public const int MaxEvidenceBytes = 120;

    public static IReadOnlyDictionary<string, string> Encode(VerificationState state)
    {
        var tags = new Dictionary<string, string>
        {
            [Started] = $"{state.Target} {state.SpecHash} {state.StartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
        };
        for (var i = 0; i < state.Checks.Count; i++)
        {
            var r = state.Checks[i];
            var at = r.LastAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-";
            var last = r.Last switch { CheckResult.Pass => "pass", CheckResult.Fail => "fail", CheckResult.Inconclusive => "none", _ => "-" };
            var evidence = r.LastEvidence is null ? "-" : Convert.ToBase64String(Truncate(r.LastEvidence));
            tags[CheckPrefix + i.ToString(CultureInfo.InvariantCulture)] =
                string.Create(CultureInfo.InvariantCulture, $"{r.Passes} {r.Failures} {r.Inconclusives} {at} {last} {evidence}");
        }
        return tags;
    }

    /// <summary>The state recorded in <paramref name="tag"/>'s values, or null when none (or it is unreadable: start afresh).</summary>
    public static VerificationState? Decode(Func<string, string?> tag)
    {
        var started = tag(Started)?.Split(' ');
        if (started is not [var target, var hash, var at] || !TryTime(at, out var startedAt) || startedAt is null)
        {
            return null;
        }
        var checks = new List<CheckResults>();
        for (var i = 0; i < 100 && tag(CheckPrefix + i.ToString(CultureInfo.InvariantCulture)) is { Length: > 0 } value; i++)
        {
            if (Check(value) is not { } results)
            {
                return null;
            }
            checks.Add(results);
        }
        return new VerificationState(target, hash, startedAt.Value, checks);
    }

    private static CheckResults? Check(string value)
    {
        if (value.Split(' ') is not [var p, var f, var n, var at, var last, var evidence]
            || !int.TryParse(p, CultureInfo.InvariantCulture, out var passes)
            || !int.TryParse(f, CultureInfo.InvariantCulture, out var failures)
            || !int.TryParse(n, CultureInfo.InvariantCulture, out var inconclusives)
            || !TryTime(at, out var lastAt))
        {
            return null;
        }
        CheckResult? result = last switch { "pass" => CheckResult.Pass, "fail" => CheckResult.Fail, "none" => CheckResult.Inconclusive, _ => null };
        string? text = null;
        if (evidence != "-")
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(evidence));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return new CheckResults(passes, failures, inconclusives, lastAt, result, text);
    }

    private static bool TryTime(string text, out DateTimeOffset? time)
    {
        time = null;
        if (text == "-")
        {
            return true;
        }
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }
        time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>At most <see cref="MaxEvidenceBytes"/> bytes, cut on a character boundary.</summary>
    private static byte[] Truncate(string evidence)
    {
        var end = Math.Min(evidence.Length, MaxEvidenceBytes);
        while (Encoding.UTF8.GetByteCount(evidence.AsSpan(0, end)) > MaxEvidenceBytes)
        {
            end--;
        }
        if (end > 0 && char.IsHighSurrogate(evidence[end - 1]))
        {
            end--;
        }
        return Encoding.UTF8.GetBytes(evidence[..end]);
    }
}
