using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.CloudRun;

/// <summary>
/// Traffic targets: each 0-100 (RC0021) and either latest or a revision (RC0028); percents summing to 100 (RC0025);
/// at most one latest target (RC0043); revision names that are DNS labels starting with <c>{service}-</c> and tags
/// that are DNS labels (RC0020).
/// </summary>
internal static class CloudRunTrafficValidator
{
    public static void Validate(string service, IReadOnlyList<CloudRunTrafficTarget>? traffic, Findings findings)
    {
        if (traffic is null)
        {
            return;
        }
        var latest = 0;
        for (var i = 0; i < traffic.Count; i++)
        {
            var target = traffic[i];
            var path = $"spec.traffic[{i}]";
            findings.Range(target.Percent, 0, 100, path + ".percent", "percent");
            if ((target.Latest == true) == (target.Revision is not null))
            {
                findings.Error(DiagnosticCodes.InvalidReference, "a traffic target names either 'latest: true' or a 'revision', exactly one", path);
            }
            if (target.Latest == true && ++latest == 2)
            {
                findings.Error(DiagnosticCodes.TrafficLatestTwice,
                    "only one traffic target may be 'latest: true'; merge the latest targets into one and add their percents", path + ".latest");
            }
            if (target.Revision is { } revision && (!Names.DnsLabel().IsMatch(revision) || !revision.StartsWith(service + "-", StringComparison.Ordinal)))
            {
                findings.Error(DiagnosticCodes.InvalidName,
                    $"revision '{revision}' is not a revision of '{service}': revision names start with '{service}-' and are DNS labels (lower-case letters, digits, '-', at most 63)", path + ".revision");
            }
            if (target.Tag is { } tag && !Names.DnsLabel().IsMatch(tag))
            {
                findings.Error(DiagnosticCodes.InvalidName, $"traffic tag '{tag}' must be lower-case letters, digits and '-', starting with a letter (it becomes part of a URL)", path + ".tag");
            }
        }
        var sum = traffic.Sum(t => t.Percent);
        if (sum != 100)
        {
            findings.Error(DiagnosticCodes.TrafficSum, $"traffic percents add up to {sum}; they must add up to 100", "spec.traffic");
        }
    }
}
