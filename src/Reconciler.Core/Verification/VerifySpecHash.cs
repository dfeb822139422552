using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Core.Verification;

/// <summary>
/// A short hash of everything in <c>spec.verify</c>: a verification recorded under another verify spec (a commit
/// changed the checks while one ran) is stale and starts afresh rather than mixing old and new results.
/// </summary>
public static class VerifySpecHash
{
    public static string Of(VerifySpec spec)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"bake={spec.BakeTime}\n");
        foreach (var h in spec.Http ?? [])
        {
            text.Append(CultureInfo.InvariantCulture,
                $"http\u001f{h.Name}\u001f{h.Url}\u001f{string.Join(',', h.EffectiveStatus)}\u001f{h.ExpectBody}\u001f{h.Interval}\u001f{h.Timeout}\u001f{h.FailureLimit}\n");
        }
        if (spec.Prometheus is { } p)
        {
            text.Append(CultureInfo.InvariantCulture, $"prometheus\u001f{p.Address}\n");
            foreach (var c in p.Checks)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"query\u001f{c.Name}\u001f{c.Query}\u001f{c.SuccessCondition}\u001f{c.Interval}\u001f{c.Count}\u001f{c.FailureLimit}\u001f{c.InconclusiveLimit}\n");
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
