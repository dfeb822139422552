using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>Value rules not covered by the broken fixtures; each reports an error at its field.</summary>
public sealed class ValidationTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        const string ecs = ManifestYaml.Ecs, run = ManifestYaml.CloudRun;
        yield return Case("an AWS region without its number", ecs, "region: eu-west-3", "region: eu-west", DiagnosticCodes.InvalidName, "spec.region");
        yield return Case("an account that is not 12 digits", ecs, "  cluster: prod\n", "  cluster: prod\n  account: \"1234\"\n", DiagnosticCodes.InvalidName, "spec.account");
        yield return Case("an unknown launch type", ecs, "  desiredCount: 2\n", "  desiredCount: 2\n  service: {launchType: LAMBDA}\n", DiagnosticCodes.InvalidChoice, "spec.service.launchType");
        yield return Case("an unknown cpu architecture", ecs, "cpuArchitecture: X86_64", "cpuArchitecture: amd64", DiagnosticCodes.InvalidChoice, "spec.taskDefinition.runtimePlatform.cpuArchitecture");
        yield return Case("a minimumHealthyPercent above 100", ecs, "  desiredCount: 2\n", "  desiredCount: 2\n  deployment: {minimumHealthyPercent: 150}\n", DiagnosticCodes.OutOfRange, "spec.deployment.minimumHealthyPercent");
        yield return Case("a health check interval under ECS's minimum", ecs, "startPeriod: 60s", "startPeriod: 60s\n          interval: 1s", DiagnosticCodes.OutOfRange, "spec.taskDefinition.containers[0].healthCheck.interval");
        yield return Case("an ssm reference without a leading slash", ecs, "image: repo/web:v1.0.0", "image: {ssm: web/image}", DiagnosticCodes.InvalidReference, "spec.taskDefinition.containers[0].image.ssm");
        yield return Case("no essential container", ecs, "        image: repo/web:v1.0.0\n", "        image: repo/web:v1.0.0\n        essential: false\n", DiagnosticCodes.MissingField, "spec.taskDefinition.containers");
        yield return Case("a Cloud Run service with neither image nor containers", run, "  containers:\n    - image: repo/app:v1.0.0\n      startupProbe:\n        httpGet: {path: /health}\n", "", DiagnosticCodes.ImageXorContainers, "spec");
        yield return Case("a probe with no handler", run, "        httpGet: {path: /health}\n", "        period: 5s\n", DiagnosticCodes.ProbeHandler, "spec.containers[0].startupProbe");
        yield return Case("minInstances above maxInstances", run, "  region: europe-west1\n", "  region: europe-west1\n  scaling: {minInstances: 5, maxInstances: 2}\n", DiagnosticCodes.OutOfRange, "spec.scaling.minInstances");
        yield return Case("a traffic target naming both latest and a revision", run, "  region: europe-west1\n", "  region: europe-west1\n  traffic: [{latest: true, revision: app-1, percent: 100}]\n", DiagnosticCodes.InvalidReference, "spec.traffic[0]");
        yield return Case("a Cloud Run name longer than 49 characters", run, "name: app", "name: " + new string('a', 50), DiagnosticCodes.InvalidName, "metadata.name");
        yield return Case("a bad GCP project id", run, "project: my-project-1", "project: My_Project", DiagnosticCodes.InvalidName, "spec.project");
        yield return Case("two containers with one name", run, "    - image: repo/app:v1.0.0\n", "    - image: repo/app:v1.0.0\n      name: app\n    - image: repo/side:v1.0.0\n      name: app\n      startupProbe: {tcpSocket: {port: 9000}}\n", DiagnosticCodes.DuplicateContainer, "spec.containers[1].name");
    }

    private static TestCaseData Case(string name, string template, string find, string replace, string code, string field) =>
        new TestCaseData(template, find, replace, code, field).SetName($"{name} is error {code}");

    [TestCaseSource(nameof(Cases))]
    public void A_rule_violation_is_an_error_at_its_field(string template, string find, string replace, string code, string field)
    {
        ManifestYaml.ErrorAt(ManifestYaml.Load(template.With(find, replace)), code, field);
    }
}
