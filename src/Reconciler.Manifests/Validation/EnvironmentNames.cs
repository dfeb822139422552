using System.Text.RegularExpressions;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation;

/// <summary>
/// RC0036: environment variable names (plain and secret) as Kubernetes and Cloud Run accept them
/// (<c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>), each name given once across <c>environment</c>/<c>env</c> and
/// <c>secrets</c>, and on Cloud Run none of the names the runtime sets itself.
/// </summary>
internal static partial class EnvironmentNames
{
    private static readonly string[] CloudRunReserved = ["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"];

    public static void Validate<TPlain, TSecret>(IReadOnlyDictionary<string, TPlain>? plain, string plainPath,
        IReadOnlyDictionary<string, TSecret>? secrets, string secretsPath, bool cloudRun, Findings findings)
    {
        foreach (var name in plain?.Keys ?? [])
        {
            Name(name, $"{plainPath}.{name}", cloudRun, findings);
        }
        foreach (var name in secrets?.Keys ?? [])
        {
            Name(name, $"{secretsPath}.{name}", cloudRun, findings);
            if (plain?.ContainsKey(name) == true)
            {
                findings.Error(DiagnosticCodes.EnvironmentName,
                    $"'{name}' is set both as a plain variable and as a secret; keep only the secret", $"{secretsPath}.{name}");
            }
        }
    }

    private static void Name(string name, string path, bool cloudRun, Findings findings)
    {
        if (!Shape().IsMatch(name))
        {
            findings.Error(DiagnosticCodes.EnvironmentName,
                $"'{name}' is not an environment variable name: use letters, digits, '_', '-' and '.', not starting with a digit (e.g. DATABASE_URL)", path);
        }
        else if (cloudRun && (CloudRunReserved.Contains(name) || name.StartsWith("X_GOOGLE_", StringComparison.Ordinal)))
        {
            findings.Error(DiagnosticCodes.EnvironmentName,
                $"Cloud Run sets '{name}' itself and refuses it in a revision ({string.Join(", ", CloudRunReserved)} and X_GOOGLE_* are reserved); rename the variable", path);
        }
    }

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex Shape();
}
