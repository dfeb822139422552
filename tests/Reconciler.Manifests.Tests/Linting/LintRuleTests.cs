using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Tests.Linting;

/// <summary>Each lint rule fires on the risky form, names the fix, and stays quiet once the fix is applied.</summary>
public sealed class LintRuleTests
{
    private const string Ecs = ManifestYaml.Ecs;
    private const string CloudRun = ManifestYaml.CloudRun;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("RC1001", "startPeriod missing while the container has a port mapping (seed 000)",
            Ecs, "          startPeriod: 60s\n", "", "at least 30s", "spec.taskDefinition.containers[0].healthCheck.startPeriod");
        yield return Case("RC1001", "startPeriod 0s while the container has a port mapping (seed 000)",
            Ecs, "startPeriod: 60s", "startPeriod: 0s", "at least 30s", "spec.taskDefinition.containers[0].healthCheck.startPeriod");
        yield return Case("RC1002", "a CMD-SHELL health check calling curl (seed 004)",
            Ecs, "\"python -c 'import urllib.request' || exit 1\"", "\"curl -f http://localhost:8000/health || exit 1\"", "urllib", "spec.taskDefinition.containers[0].healthCheck.command");
        yield return Case("RC1002", "a CMD-SHELL health check calling wget (seed 004)",
            Ecs, "\"python -c 'import urllib.request' || exit 1\"", "\"wget -q -O- localhost:8000/health\"", "runtime-native probe", "spec.taskDefinition.containers[0].healthCheck.command");
        yield return Case("RC1003", "an image tagged latest",
            Ecs, "repo/web:v1.0.0", "repo/web:latest", "pin a version tag", "spec.taskDefinition.containers[0].image");
        yield return Case("RC1003", "an image without a tag behind a registry port",
            Ecs, "repo/web:v1.0.0", "registry:5000/web", "digest", "spec.taskDefinition.containers[0].image");
        yield return Case("RC1003", "a Cloud Run image tagged latest",
            CloudRun, "repo/app:v1.0.0", "repo/app:latest", "pin a version tag", "spec.containers[0].image");
        yield return Case("RC1004", "an essential container without a health check",
            Ecs, "        healthCheck:\n          command: [CMD-SHELL, \"python -c 'import urllib.request' || exit 1\"]\n          startPeriod: 60s\n", "", "add a healthCheck", "spec.taskDefinition.containers[0]");
        yield return Case("RC1005", "a Cloud Run container without a startupProbe",
            CloudRun, "      startupProbe:\n        httpGet: {path: /health}\n", "", "add startupProbe", "spec.containers[0]");
        yield return Case("RC1006", "no runtimePlatform (seed 004 exec format error)",
            Ecs, "    runtimePlatform: {cpuArchitecture: X86_64}\n", "", "X86_64 or ARM64", "spec.taskDefinition");
        yield return Case("RC1007", "a password in plain environment",
            Ecs, "        healthCheck:", "        environment:\n          DB_PASSWORD: s3cr3t-value\n        healthCheck:", "move it to", "spec.taskDefinition.containers[0].environment.DB_PASSWORD");
        yield return Case("RC1007", "a URL with credentials in plain environment",
            Ecs, "        healthCheck:", "        environment:\n          DATABASE_URL: postgresql://app:s3cr3t-value@db:5432/app\n        healthCheck:", "ssmParameter", "spec.taskDefinition.containers[0].environment.DATABASE_URL");
        yield return Case("RC1007", "an API key in Cloud Run env",
            CloudRun, "      startupProbe:", "      env:\n        OPENAI_API_KEY: s3cr3t-value\n      startupProbe:", "move it to", "spec.containers[0].env.OPENAI_API_KEY");
        yield return Case("RC1008", "circuit breaker off while automatic rollback is on",
            Ecs, "  desiredCount: 2\n", "  desiredCount: 2\n  deployment:\n    circuitBreaker: {enable: false, rollback: false}\n", "circuitBreaker.enable: true", "spec.deployment.circuitBreaker.enable");
    }

    private static TestCaseData Case(string code, string name, string template, string find, string replace, string fix, string field) =>
        new TestCaseData(code, template, find, replace, fix, field).SetName($"{code}: {name}");

    [TestCaseSource(nameof(Cases))]
    public void A_lint_rule_warns_names_the_fix_and_is_quiet_on_the_clean_manifest(string code, string template, string find, string replace, string fix, string field)
    {
        var clean = ManifestYaml.Load(template);
        var risky = ManifestYaml.Load(template.With(find, replace));

        Assert.That(clean.Diagnostics, Is.Empty, "the template itself must be clean");
        var warning = risky.Diagnostics.SingleOrDefault(d => d.Code == code);
        Assert.That(warning, Is.Not.Null, string.Join("\n", risky.Diagnostics));
        Assert.Multiple(() =>
        {
            Assert.That(warning!.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(warning.Message, Does.Contain(fix));
            Assert.That(warning.FieldPath, Is.EqualTo(field));
            Assert.That(warning.Location.Line, Is.GreaterThan(0));
            Assert.That(warning.Message, Does.Not.Contain("s3cr3t-value"), "a secret value is never echoed");
            Assert.That(risky.HasErrors, Is.False, "lint findings are warnings only");
            Assert.That(risky.Manifests, Has.Count.EqualTo(1), "warnings do not drop the manifest");
        });
    }

    [Test]
    public void The_circuit_breaker_rule_is_quiet_when_automatic_rollback_is_off()
    {
        var yaml = Ecs.With("  desiredCount: 2\n", "  desiredCount: 2\n  rollback: {automatic: false}\n  deployment:\n    circuitBreaker: {enable: false, rollback: false}\n");

        Assert.That(ManifestYaml.Load(yaml).Diagnostics, Is.Empty);
    }

    [Test]
    public void A_pinned_digest_satisfies_the_image_rule_even_without_a_tag()
    {
        var yaml = Ecs.With("repo/web:v1.0.0", "repo/web@sha256:" + new string('a', 64));

        Assert.That(ManifestYaml.Load(yaml).Diagnostics, Is.Empty);
    }

    [Test]
    public void Each_rule_code_is_documented_in_the_rules_table()
    {
        var doc = File.ReadAllText(Path.Combine(Reconciler.Testing.RepoPaths.Root, "docs", "manifest-rules.md"));
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.That(codes, Has.All.Matches<string>(code => doc.Contains($"| {code} |")));
    }
}
