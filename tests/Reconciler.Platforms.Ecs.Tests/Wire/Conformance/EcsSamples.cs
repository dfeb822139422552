using Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>Fully-populated ECS request records: every member the client can send is set at least once.</summary>
public static class EcsSamples
{
    public const string Account = "arn:aws:ecs:eu-west-1:123456789012";

    public static readonly NetworkConfiguration Network = new(new AwsVpcConfiguration
    {
        Subnets = ["subnet-0a", "subnet-0b"], SecurityGroups = ["sg-0web"], AssignPublicIp = "DISABLED",
    });

    public static readonly DeploymentConfiguration Deployment = new()
    {
        DeploymentCircuitBreaker = new DeploymentCircuitBreaker(Enable: true, Rollback: true),
        MaximumPercent = 200,
        MinimumHealthyPercent = 100,
        Alarms = new DeploymentAlarms { AlarmNames = ["web-5xx"], Enable = true, Rollback = true },
    };

    public static readonly LoadBalancer Balancer = new()
    {
        TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc",
        LoadBalancerName = "web-lb", ContainerName = "web", ContainerPort = 8080,
    };

    public static readonly CapacityProviderStrategyItem Spot = new() { CapacityProvider = "FARGATE_SPOT", Weight = 1, Base = 0 };

    public static readonly ContainerDefinition Container = new()
    {
        Name = "web",
        Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3",
        Cpu = 256,
        Memory = 512,
        MemoryReservation = 256,
        PortMappings = [new PortMapping { ContainerPort = 8080, HostPort = 8080, Protocol = "tcp", Name = "http", AppProtocol = "http" }],
        Essential = true,
        EntryPoint = ["/bin/sh", "-c"],
        Command = ["./server --port 8080"],
        Environment = [new NameValuePair("LOG_LEVEL", "info")],
        Secrets = [new Secret("DB_PASSWORD", "arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password")],
        LogConfiguration = new LogConfiguration
        {
            LogDriver = "awslogs",
            Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/web", ["awslogs-region"] = "eu-west-1" },
            SecretOptions = [new Secret("token", "arn:aws:ssm:eu-west-1:123456789012:parameter/web/log-token")],
        },
        HealthCheck = new HealthCheck
        {
            Command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], Interval = 30, Timeout = 5, Retries = 3, StartPeriod = 60,
        },
    };

    public static readonly CreateServiceRequest CreateService = new()
    {
        Cluster = "prod", ServiceName = "web", TaskDefinition = "web:7", LoadBalancers = [Balancer], DesiredCount = 3,
        ClientToken = "reconciler-web-7f3a", LaunchType = "FARGATE", CapacityProviderStrategy = [Spot], PlatformVersion = "LATEST",
        DeploymentConfiguration = Deployment, NetworkConfiguration = Network, HealthCheckGracePeriodSeconds = 60,
        SchedulingStrategy = "REPLICA", Tags = [new Tag("reconciler/managed", "true")], EnableECSManagedTags = true,
        PropagateTags = "SERVICE", EnableExecuteCommand = false,
    };

    public static readonly UpdateServiceRequest UpdateService = new()
    {
        Cluster = "prod", Service = "web", DesiredCount = 4, TaskDefinition = $"{Account}:task-definition/web:8",
        CapacityProviderStrategy = [Spot], DeploymentConfiguration = Deployment, NetworkConfiguration = Network,
        PlatformVersion = "1.4.0", ForceNewDeployment = true, HealthCheckGracePeriodSeconds = 90, EnableExecuteCommand = true,
        EnableECSManagedTags = true, LoadBalancers = [Balancer], PropagateTags = "TASK_DEFINITION",
    };

    public static readonly RegisterTaskDefinitionRequest RegisterTaskDefinition = new()
    {
        Family = "web", TaskRoleArn = "arn:aws:iam::123456789012:role/web-task", ExecutionRoleArn = "arn:aws:iam::123456789012:role/web-exec",
        NetworkMode = "awsvpc", ContainerDefinitions = [Container], RequiresCompatibilities = ["FARGATE"], Cpu = "512", Memory = "1024",
        Tags = [new Tag("reconciler/fingerprint", "sha256:7f3a")],
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = "ARM64", OperatingSystemFamily = "LINUX" },
    };
}
