using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1002. Seed 004 (CivicForge): tasks restarted endlessly because the health check ran <c>curl</c>, which the slim
/// Python image did not contain; the fix was a probe in the app's own runtime (python urllib).
/// </summary>
internal sealed partial class CurlHealthCheckRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        foreach (var (container, path) in LintTargets.EcsContainers(manifest))
        {
            var command = container.HealthCheck?.Command;
            if (command is not { Count: > 1 } || Tool().Match(string.Join(' ', command.Skip(1))) is not { Success: true } match)
            {
                continue;
            }
            findings.Warning(DiagnosticCodes.HealthCheckNeedsCurl,
                $"the health check of container '{container.Name}' calls {match.Value}, which slim images often do not contain (the check then always fails); " +
                "use a runtime-native probe, e.g. [CMD-SHELL, \"python -c \\\"import urllib.request; urllib.request.urlopen('http://localhost:8000/health')\\\" || exit 1\"]",
                path + ".healthCheck.command");
        }
    }

    [GeneratedRegex(@"\b(curl|wget)\b")]
    private static partial Regex Tool();
}
