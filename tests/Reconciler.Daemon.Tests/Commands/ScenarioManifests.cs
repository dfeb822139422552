namespace Reconciler.Daemon.Tests.Commands;

/// <summary>Small EcsService manifests for scenarios the examples do not cover (SSM references, a missing cluster).</summary>
internal static class ScenarioManifests
{
    public const string Region = "eu-west-1";
    public const string Cluster = "apps";

    /// <param name="environment">YAML lines under <c>environment:</c>, e.g. <c>LOG_LEVEL: {ssm: /apps/log-level}</c>.</param>
    /// <param name="spec">More YAML under <c>spec:</c>, indented by two spaces (deployment, rollback...).</param>
    /// <param name="secrets">YAML lines under <c>secrets:</c>, e.g. <c>DB: {ssmParameter: /apps/db}</c>.</param>
    public static string Service(string name, string image = "\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1.0.0\"",
        IReadOnlyList<string>? environment = null, IReadOnlyList<string>? secrets = null, string cluster = Cluster, string spec = "") => $"""
        ---
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: {name}
        spec:
          region: {Region}
          cluster: {cluster}
          desiredCount: 1
          taskDefinition:
            family: {name}
            cpu: "256"
            memory: "512"
            networkMode: awsvpc
            requiresCompatibilities: [FARGATE]
            runtimePlatform:
              cpuArchitecture: X86_64
              operatingSystemFamily: LINUX
            executionRoleArn: arn:aws:iam::123456789012:role/{name}-execution
            containers:
              - name: app
                image: {image}
        {Block("environment", environment)}{Block("secrets", secrets)}
          service:
            launchType: FARGATE
            networkConfiguration:
              awsvpc:
                subnets: [subnet-0aa11bb22cc33dd44]
                securityGroups: [sg-0aa11bb22cc33dd44]
        {spec}
        """;

    private static string Block(string field, IReadOnlyList<string>? lines) =>
        lines is null ? "" : $"        {field}:\n" + string.Concat(lines.Select(l => $"          {l}\n"));
}
