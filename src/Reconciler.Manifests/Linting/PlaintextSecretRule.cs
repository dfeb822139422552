using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1007. Seeds 000 and 003 kept the database URL and password in SSM / Secrets Manager; a plain value in
/// <c>environment</c> is readable by anyone who can describe the task. The message never repeats the value.
/// </summary>
internal sealed partial class PlaintextSecretRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        foreach (var (environment, path) in LintTargets.Environments(manifest))
        {
            foreach (var (name, value) in environment)
            {
                if (value is not Value.Literal { Text: var text } || text.Length == 0)
                {
                    continue;
                }
                var reason = SecretName().IsMatch(name) ? "its name says it holds a secret"
                    : CredentialUrl().IsMatch(text) ? "its value is a URL with a user and password"
                    : null;
                if (reason is not null)
                {
                    findings.Warning(DiagnosticCodes.PlaintextSecret,
                        $"environment variable '{name}' looks like a plain-text secret ({reason}); store it in SSM or Secrets Manager and move it to " +
                        $"secrets: {{{name}: {{ssmParameter: /app/prod/{name.ToLowerInvariant().Replace('_', '-')}}}}}", $"{path}.{name}");
                }
            }
        }
    }

    [GeneratedRegex(@"(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex CredentialUrl();
}
