using Reconciler.Core.Model;
using Reconciler.Manifests.Binding;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>Runs every lint rule (warnings, codes RC1001+; table in docs/manifest-rules.md). Pure.</summary>
public static class ManifestLinter
{
    private static readonly ILintRule[] Rules =
    [
        new StartPeriodRule(),
        new CurlHealthCheckRule(),
        new ImageTagRule(),
        new HealthCheckPresenceRule(),
        new RuntimePlatformRule(),
        new PlaintextSecretRule(),
        new CircuitBreakerRule(),
    ];

    /// <summary>Lints one manifest; without <paramref name="locations"/> every warning points at the document start.</summary>
    public static IReadOnlyList<Diagnostic> Lint(ResourceManifest manifest, FieldLocations? locations = null)
    {
        var findings = new Findings(locations ?? new FieldLocations(manifest.Source));
        foreach (var rule in Rules)
        {
            rule.Check(manifest, findings);
        }
        return findings.Items;
    }
}
