using Reconciler.Core.Ecs;
using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary><c>spec.verify</c> on both kinds: a valid block binds; each rule violation is an error at its field.</summary>
public sealed class VerifyValidationTests
{
    private const string Verify = """
          verify:
            bakeTime: 2m
            http:
              - name: readiness
                url: https://app.example.com/health/readiness?rev={revision}
                expectStatus: 200
                expectBody: "ok|ready"
                interval: 10s
                timeout: 5s
                failureLimit: 2
            prometheus:
              address: http://prometheus.monitoring:9090
              checks:
                - name: error-rate
                  query: sum(rate(http_requests_total{code=~"5.."}[5m]))
                  successCondition: "< 0.01"
                  interval: 1m
                  count: 5
                  failureLimit: 1
                  inconclusiveLimit: 2

        """;

    private static string Ecs(string verify) => ManifestYaml.Ecs.With("  desiredCount: 2\n", "  desiredCount: 2\n" + verify);

    private static string Run(string verify) => ManifestYaml.CloudRun.With("  region: europe-west1\n", "  region: europe-west1\n" + verify);

    [Test]
    public void A_valid_verify_block_binds_on_an_ecs_service()
    {
        var result = ManifestYaml.Load(Ecs(Verify));

        Assert.That(result.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty, string.Join("\n", result.Diagnostics));
        var verify = ((EcsServiceManifest)result.Manifests.Single()).Spec.Verify!;
        Assert.Multiple(() =>
        {
            Assert.That(verify.EffectiveBakeTime, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(verify.Http![0].EffectiveStatus, Is.EqualTo(new[] { 200 }));
            Assert.That(verify.Prometheus!.Checks[0].InconclusiveLimit, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_valid_verify_block_with_a_status_list_binds_on_a_cloud_run_service()
    {
        var result = ManifestYaml.Load(Run(Verify.With("expectStatus: 200", "expectStatus: [200, 204]")));

        Assert.That(result.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty, string.Join("\n", result.Diagnostics));
        var verify = ((CloudRunServiceManifest)result.Manifests.Single()).Spec.Verify!;
        Assert.That(verify.Http![0].EffectiveStatus, Is.EqualTo(new[] { 200, 204 }));
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        const string http = "spec.verify.http[0]", prom = "spec.verify.prometheus.checks[0]";
        yield return Case("a relative check URL", "url: https://app.example.com/health/readiness?rev={revision}", "url: /health", DiagnosticCodes.VerifyUrl, http + ".url");
        yield return Case("an ftp check URL", "url: https://app.example.com/health/readiness?rev={revision}", "url: ftp://app.example.com/x", DiagnosticCodes.VerifyUrl, http + ".url");
        yield return Case("a Prometheus address that is not a URL", "address: http://prometheus.monitoring:9090", "address: prometheus:9090", DiagnosticCodes.VerifyUrl, "spec.verify.prometheus.address");
        yield return Case("an unknown URL placeholder", "?rev={revision}", "?rev={commit}", DiagnosticCodes.VerifyPlaceholder, http + ".url");
        yield return Case("a zero bakeTime", "bakeTime: 2m", "bakeTime: 0s", DiagnosticCodes.VerifyDuration, "spec.verify.bakeTime");
        yield return Case("an interval over an hour", "interval: 10s", "interval: 2h", DiagnosticCodes.VerifyDuration, http + ".interval");
        yield return Case("a timeout longer than the interval", "timeout: 5s", "timeout: 30s", DiagnosticCodes.VerifyDuration, http + ".timeout");
        yield return Case("an expectBody that does not compile", "expectBody: \"ok|ready\"", "expectBody: \"ok(\"", DiagnosticCodes.VerifyRegex, http + ".expectBody");
        yield return Case("a successCondition without an operator", "successCondition: \"< 0.01\"", "successCondition: \"0.01\"", DiagnosticCodes.VerifyCondition, prom + ".successCondition");
        yield return Case("two checks with one name", "- name: error-rate", "- name: readiness", DiagnosticCodes.VerifyDuplicateCheck, prom + ".name");
        yield return Case("a count of zero", "count: 5", "count: 0", DiagnosticCodes.VerifyLimit, prom + ".count");
        yield return Case("a negative failureLimit", "failureLimit: 2", "failureLimit: -1", DiagnosticCodes.VerifyLimit, http + ".failureLimit");
        yield return Case("an inconclusiveLimit over 100", "inconclusiveLimit: 2", "inconclusiveLimit: 101", DiagnosticCodes.VerifyLimit, prom + ".inconclusiveLimit");
        yield return Case("an expectStatus that is not an HTTP status", "expectStatus: 200", "expectStatus: [200, 999]", DiagnosticCodes.VerifyLimit, http + ".expectStatus");
    }

    private static TestCaseData Case(string name, string find, string replace, string code, string field) =>
        new TestCaseData(find, replace, code, field).SetName($"{name} in verify is error {code}");

    [TestCaseSource(nameof(Cases))]
    public void A_verify_rule_violation_is_an_error_at_its_field_on_both_kinds(string find, string replace, string code, string field)
    {
        foreach (var yaml in new[] { Ecs(Verify.With(find, replace)), Run(Verify.With(find, replace)) })
        {
            var error = ManifestYaml.ErrorAt(ManifestYaml.Load(yaml), code, field);

            Assert.That(error.Location.Column, Is.GreaterThan(0));
        }
    }

    [Test]
    public void A_verify_block_without_any_check_is_an_error()
    {
        var result = ManifestYaml.Load(Ecs("  verify:\n    bakeTime: 1m\n"));

        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.MissingField && d.FieldPath == "spec.verify"), Is.True, string.Join("\n", result.Diagnostics));
    }
}
