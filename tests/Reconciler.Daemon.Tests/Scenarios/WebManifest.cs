namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The manifest every scenario commits: one EcsService "web" on the emulator's default cluster, two Fargate tasks with
/// a container health check. The image tag drives the emulator (":v2-unhealthy", ":v3-startup-90s", ...).
/// </summary>
internal static class WebManifest
{
    public const string File = "services/web.yaml";
    public const string Name = "web";

    public static string Yaml(string tag, bool circuitBreaker = true, string startPeriod = "30s", string? progressDeadline = null, int desiredCount = 2,
        string? verify = null)
    {
        var breaker = circuitBreaker ? "true" : "false";
        var deadline = progressDeadline is null ? "" : $"    progressDeadline: {progressDeadline}";
        return $$"""
            apiVersion: reconciler/v1alpha1
            kind: EcsService
            metadata:
              name: web
            spec:
              region: us-east-1
              cluster: default
              desiredCount: {{desiredCount}}
              taskDefinition:
                family: web
                cpu: "256"
                memory: "512"
                networkMode: awsvpc
                requiresCompatibilities: [FARGATE]
                runtimePlatform:
                  cpuArchitecture: X86_64
                containers:
                  - name: web
                    image: registry.example/web:{{tag}}
                    portMappings:
                      - containerPort: 8080
                    healthCheck:
                      command: [CMD-SHELL, "wget -q -O /dev/null http://localhost:8080/health || exit 1"]
                      interval: 30s
                      timeout: 5s
                      retries: 3
                      startPeriod: {{startPeriod}}
              service:
                launchType: FARGATE
                networkConfiguration:
                  awsvpc:
                    subnets: [subnet-1]
                    securityGroups: [sg-1]
              deployment:
                circuitBreaker:
                  enable: {{breaker}}
                  rollback: {{breaker}}
            {{deadline}}
            {{verify ?? ""}}

            """;
    }
}
