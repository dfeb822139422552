using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>
/// The passing half of every cloud-limit rule: values at the edge of what ECS and Cloud Run accept load without an
/// error (each rule's failing half is a fixture in Fixtures/Broken/Values).
/// </summary>
public sealed class AcceptedValuesTests
{
    private const string Ecs = ValueTemplates.Fargate, Run = ValueTemplates.CloudRun;
    private const string Container = "      - name: web\n", Check = "          startPeriod: 60s\n";
    private const string Count = "  desiredCount: 2\n", Resources = "resources: {cpu: \"1\", memory: 512Mi}", Probe = "        httpGet: {path: /health}\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("RC0031 task sizes in vCPU and GB", Ecs, ("cpu: 256\n    memory: 512", "cpu: 1 vCPU\n    memory: 2 GB"));
        yield return Case("RC0031 fractional vCPU and GB", Ecs, ("cpu: 256\n    memory: 512", "cpu: \"0.25 vcpu\"\n    memory: 0.5GB"));
        yield return Case("RC0031 a 6 MiB container and cpu 0", Ecs, (Container, Container + "        memory: 6\n        cpu: 0\n"));
        yield return Case("RC0031 an EC2 task of 128 CPU units", Ecs, ("cpu: 256\n    memory: 512\n    networkMode: awsvpc\n    requiresCompatibilities: [FARGATE]", "cpu: 128\n    memory: 300\n    networkMode: awsvpc"), ("launchType: FARGATE", "launchType: EC2"));
        yield return Case("RC0032 a container using the whole task", Ecs, (Container, Container + "        cpu: 256\n        memory: 512\n        memoryReservation: 512\n"));
        yield return Case("RC0032 two containers sharing the task", Ecs, (Container, Container + "        cpu: 128\n        memoryReservation: 256\n"), (Check, Check + "      - {name: sidecar, image: repo/sidecar:v1.0.0, essential: false, cpu: 128, memoryReservation: 256}\n"));
        yield return Case("RC0021 ten containers in a task", Ecs, (Check, Check + string.Concat(Enumerable.Range(0, 9).Select(i => $"      - {{name: side{i}, image: repo/side:v1.0.0, essential: false}}\n"))));
        yield return Case("RC0033 the largest Fargate size", Ecs, ("cpu: 256\n    memory: 512", "cpu: 16384\n    memory: 122880"));
        yield return Case("RC0033 4 vCPU with 30 GB", Ecs, ("cpu: 256\n    memory: 512", "cpu: 4096\n    memory: 30 GB"));
        yield return Case("RC0034 launchType FARGATE alone with awsvpc and a size", Ecs, ("    requiresCompatibilities: [FARGATE]\n", ""));
        yield return Case("RC0035 sixteen subnets and five security groups", Ecs, ("{subnets: [subnet-0aa11bb22cc33dd44]}", "{subnets: [" + string.Join(", ", Enumerable.Range(0, 16).Select(i => $"subnet-{i:00}")) + "], securityGroups: [sg-1, sg-2, sg-3, sg-4, sg-5]}"));
        yield return Case("RC0035 an EC2 bridge task without a network configuration", Ecs, ("    cpu: 256\n    memory: 512\n    networkMode: awsvpc\n    requiresCompatibilities: [FARGATE]\n", "    networkMode: bridge\n"), ("    launchType: FARGATE\n    networkConfiguration:\n      awsvpc: {subnets: [subnet-0aa11bb22cc33dd44]}\n", "    launchType: EC2\n"), ("[{containerPort: 8000}]", "[{containerPort: 8000, hostPort: 80}]"));
        yield return Case("RC0045 an awsvpc hostPort equal to its containerPort", Ecs, ("[{containerPort: 8000}]", "[{containerPort: 8000, hostPort: 8000}]"));
        yield return Case("RC0036 dotted, dashed and underscored names", Ecs, ("        portMappings:", "        environment: {spring.profiles.active: prod, _PRIVATE: \"1\", my-var: x}\n        secrets: {DATABASE_URL: {ssmParameter: /web/db}}\n        portMappings:"));
        yield return Case("RC0037 43 tags at the longest key and value", Ecs, (Count, Count + "  tags:\n" + string.Concat(Enumerable.Range(0, 42).Select(i => $"    t{i:00}: v\n")) + $"    {new string('k', 128)}: \"{new string('v', 255)}@\"\n"));
        yield return Case("RC0038 a key that only mentions reconciler.io", Ecs, (Count, Count + "  tags: {team/reconciler.io: a, owner: \"Jane Doe\"}\n"));
        yield return Case("RC0039 a registry with a port, a path and a digest", Ecs, ("image: repo/web:v1.0.0", "image: registry.example.com:5000/team/web-app__x:v1.0.0@sha256:" + new string('a', 64)));
        yield return Case("RC0020 a 160-character family", Ecs, ("family: web", "family: " + new string('w', 160)));
        yield return Case("RC0021 ECS health-check limits", Ecs, (Check, Check + "          interval: 300s\n          timeout: 60s\n          retries: 10\n"));
        yield return Case("RC0027 a load balancer on a mapped port", Ecs, ("    launchType: FARGATE\n", "    launchType: FARGATE\n    loadBalancers: [{containerName: web, containerPort: 8000, targetGroupArn: \"arn:aws:elasticloadbalancing:eu-west-3:123456789012:targetgroup/web/0123456789abcdef\"}]\n"));
        yield return Case("RC0040 a fractional cpu with 1Gi", Run, (Resources, "resources: {cpu: \"0.5\", memory: 1Gi}"));
        yield return Case("RC0040 millicpu", Run, (Resources, "resources: {cpu: 2000m, memory: 8Gi}"));
        yield return Case("RC0041 8 cpu with 32Gi", Run, (Resources, "resources: {cpu: \"8\", memory: 32Gi}"));
        yield return Case("RC0041 6 cpu with 4Gi", Run, (Resources, "resources: {cpu: 6, memory: 4Gi}"));
        yield return Case("RC0041 4 cpu with 2Gi", Run, (Resources, "resources: {cpu: 4, memory: 2048Mi}"));
        yield return Case("RC0041 4Gi on the default cpu", Run, (Resources, "resources: {memory: 4Gi}"));
        yield return Case("RC0021 RC0042 probe limits with timeout equal to period", Run, (Probe, Probe + "        period: 240s\n        timeout: 240s\n        initialDelay: 240s\n      livenessProbe:\n        tcpSocket: {port: 8080}\n        period: 3600s\n        timeout: 10s\n"));
        yield return Case("RC0043 one latest target and a pinned revision", Run, ("  region: europe-west1\n", "  region: europe-west1\n  traffic:\n    - {latest: true, percent: 90, tag: canary}\n    - {revision: app-00001-abc, percent: 10}\n"));
        yield return Case("RC0044 Google Cloud labels", Run, ("  region: europe-west1\n", "  region: europe-west1\n  labels: {team: web, cost-center: a_1, empty: \"\"}\n"));
        yield return Case("RC0036 Cloud Run names close to the reserved ones", Run, (Resources, Resources + "\n      env: {PORTAL: x, K_SERVICE_NAME: y}"));
        yield return Case("RC0046 an ingress container with ports and a sidecar without", Run, (Resources, Resources + "\n      ports: [{containerPort: 8080}]"), (Probe, Probe + "    - {image: repo/sidecar:v1.0.0, name: sidecar}\n"));
        yield return Case("RC0020 a 30-character project and a 49-character name", Run, ("project: my-project-1", "project: a" + new string('b', 28) + "1"), ("  name: app", "  name: " + new string('a', 49)));
    }

    private static TestCaseData Case(string name, string template, params (string Find, string Replace)[] edits) =>
        new TestCaseData(template, edits).SetName($"{name} is accepted");

    [TestCaseSource(nameof(Cases))]
    public void A_value_the_cloud_accepts_loads_without_an_error(string template, (string Find, string Replace)[] edits)
    {
        var yaml = edits.Aggregate(template, (text, edit) => text.With(edit.Find, edit.Replace));

        var result = ManifestYaml.Load(yaml);

        Assert.That(result.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Manifests, Has.Count.EqualTo(1));
    }
}
