using Reconciler.Core.Ecs;
using Reconciler.Core.Model;

namespace Reconciler.Testing.Builders;

/// <summary>
/// A realistic, fully resolved EcsService manifest (Fargate, awsvpc, one container with env, secrets, port,
/// health check, logs). Tests change what they need with <c>with</c> or the helpers below.
/// </summary>
public static class EcsManifestBuilder
{
    public const string Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0.0";
    public const string DbPasswordArn = "arn:aws:ssm:eu-west-1:123456789012:parameter/api/prod/db-password";

    public static EcsContainerSpec Container(string name = "api", string image = Image) => new(
        name,
        Value.Of(image),
        PortMappings: [new EcsPortMapping(8080)],
        Environment: new Dictionary<string, Value> { ["LOG_LEVEL"] = Value.Of("info"), ["DB_HOST"] = Value.Of("db.internal") },
        Secrets: new Dictionary<string, SecretRef> { ["DB_PASSWORD"] = new SecretRef.ValueFrom(DbPasswordArn) },
        HealthCheck: new EcsHealthCheck(["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
            Interval: TimeSpan.FromSeconds(30), Timeout: TimeSpan.FromSeconds(5), Retries: 3, StartPeriod: TimeSpan.FromSeconds(60)),
        LogConfiguration: new EcsLogConfiguration("awslogs",
            new Dictionary<string, string> { ["awslogs-group"] = "/ecs/api", ["awslogs-region"] = "eu-west-1" }));

    public static EcsTaskDefinitionSpec TaskDefinition(params EcsContainerSpec[] containers) => new(
        "api",
        containers.Length == 0 ? [Container()] : containers,
        Cpu: "256",
        Memory: "512",
        NetworkMode: "awsvpc",
        RequiresCompatibilities: ["FARGATE"],
        RuntimePlatform: new EcsRuntimePlatform("X86_64", "LINUX"),
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/api-execution");

    public static EcsServiceSpec Spec(EcsTaskDefinitionSpec? taskDefinition = null) => new(
        "eu-west-1",
        "prod",
        taskDefinition ?? TaskDefinition(),
        DesiredCount: 2,
        Service: new EcsServiceSettings(
            LaunchType: "FARGATE",
            NetworkConfiguration: new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(["subnet-a", "subnet-b"], ["sg-1"], false))),
        Deployment: new EcsDeploymentSpec(MinimumHealthyPercent: 100, MaximumPercent: 200, CircuitBreaker: new EcsCircuitBreaker(true, true)),
        Tags: new Dictionary<string, string> { ["team"] = "payments" });

    public static EcsServiceManifest Manifest(EcsServiceSpec? spec = null, string name = "api") =>
        new(new ManifestMetadata(name), new SourceLocation("manifests/api.yaml", 1, 1), spec ?? Spec());

    /// <summary>The default manifest with its first container changed.</summary>
    public static EcsServiceManifest WithContainer(Func<EcsContainerSpec, EcsContainerSpec> change, EcsServiceManifest? manifest = null)
    {
        var m = manifest ?? Manifest();
        var td = m.Spec.TaskDefinition;
        return m with { Spec = m.Spec with { TaskDefinition = td with { Containers = [change(td.Containers[0]), .. td.Containers.Skip(1)] } } };
    }

    public static EcsServiceManifest WithImage(string image, EcsServiceManifest? manifest = null) =>
        WithContainer(c => c with { Image = Value.Of(image) }, manifest);
}
