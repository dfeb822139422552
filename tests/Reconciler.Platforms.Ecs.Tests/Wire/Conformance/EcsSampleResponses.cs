namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>
/// Model-valid ECS responses that populate every member the client reads, plus members it does not read
/// (serviceRegistries, createdBy, volumes …) to show unknown members are tolerated.
/// </summary>
public static class EcsSampleResponses
{
    private const string Network = """{"awsvpcConfiguration":{"subnets":["subnet-0a","subnet-0b"],"securityGroups":["sg-0web"],"assignPublicIp":"DISABLED"}}""";

    private const string DeploymentConfiguration = """
        {"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100,
         "alarms":{"alarmNames":["web-5xx"],"enable":true,"rollback":true},"strategy":"ROLLING"}
        """;

    public static readonly string Service = $$"""
        {"serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/web","serviceName":"web",
         "clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
         "loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc","loadBalancerName":"web-lb","containerName":"web","containerPort":8080}],
         "serviceRegistries":[],"status":"ACTIVE","desiredCount":3,"runningCount":2,"pendingCount":1,"launchType":"FARGATE",
         "capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1,"base":0}],"platformVersion":"LATEST","platformFamily":"Linux",
         "taskDefinition":"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7","deploymentConfiguration":{{DeploymentConfiguration}},
         "deployments":[{"id":"ecs-svc/1234567890","status":"PRIMARY","taskDefinition":"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
           "desiredCount":3,"pendingCount":1,"runningCount":2,"failedTasks":1,"createdAt":1732536000.123,"updatedAt":1732536060.5,
           "launchType":"FARGATE","platformVersion":"1.4.0","platformFamily":"Linux","networkConfiguration":{{Network}},
           "rolloutState":"IN_PROGRESS","rolloutStateReason":"ECS deployment ecs-svc/1234567890 in progress."}],
         "roleArn":"arn:aws:iam::123456789012:role/ecsServiceRole",
         "events":[{"id":"0f1e","createdAt":1732536070,"message":"(service web) has started 1 tasks: (task 1a2b)."}],
         "createdAt":1700000000,"currentServiceDeployment":"arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc",
         "placementConstraints":[],"placementStrategy":[],"networkConfiguration":{{Network}},"healthCheckGracePeriodSeconds":60,
         "schedulingStrategy":"REPLICA","deploymentController":{"type":"ECS"},"tags":[{"key":"reconciler/managed","value":"true"}],
         "createdBy":"arn:aws:iam::123456789012:role/deployer","enableECSManagedTags":true,"propagateTags":"SERVICE","enableExecuteCommand":false}
        """;

    private const string Container = """
        {"name":"web","image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3","cpu":256,"memory":512,"memoryReservation":256,
         "links":[],"portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp","name":"http","appProtocol":"http"}],
         "essential":true,"entryPoint":["/bin/sh","-c"],"command":["./server --port 8080"],
         "environment":[{"name":"LOG_LEVEL","value":"info"}],"mountPoints":[],"volumesFrom":[],
         "secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password"}],
         "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"eu-west-1"},
           "secretOptions":[{"name":"token","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/web/log-token"}]},
         "healthCheck":{"command":["CMD-SHELL","curl -f http://localhost:8080/health || exit 1"],"interval":30,"timeout":5,"retries":3,"startPeriod":60},
         "systemControls":[]}
        """;

    public static readonly string TaskDefinition = $$"""
        {"taskDefinitionArn":"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7","containerDefinitions":[{{Container}}],
         "family":"web","taskRoleArn":"arn:aws:iam::123456789012:role/web-task","executionRoleArn":"arn:aws:iam::123456789012:role/web-exec",
         "networkMode":"awsvpc","revision":7,"volumes":[],"status":"ACTIVE","requiresAttributes":[{"name":"com.amazonaws.ecs.capability.logging-driver.awslogs"}],
         "placementConstraints":[],"compatibilities":["EC2","FARGATE"],"runtimePlatform":{"cpuArchitecture":"ARM64","operatingSystemFamily":"LINUX"},
         "requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","registeredAt":1732530000.25,"deregisteredAt":1732540000,
         "registeredBy":"arn:aws:iam::123456789012:role/deployer"}
        """;

    private const string Tags = """[{"key":"reconciler/fingerprint","value":"sha256:7f3a"}]""";

    private const string Task = """
        {"attachments":[],"availabilityZone":"eu-west-1a","clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
         "containers":[{"containerArn":"arn:aws:ecs:eu-west-1:123456789012:container/prod/1a2b/c3d4","taskArn":"arn:aws:ecs:eu-west-1:123456789012:task/prod/1a2b",
           "name":"web","image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3","imageDigest":"sha256:abcd","lastStatus":"STOPPED","exitCode":137,
           "reason":"OutOfMemoryError: Container killed due to memory usage","networkInterfaces":[],"healthStatus":"UNHEALTHY","cpu":"256","memory":"512"}],
         "cpu":"512","createdAt":1732536000,"desiredStatus":"STOPPED","group":"service:web","healthStatus":"UNHEALTHY","lastStatus":"STOPPED",
         "launchType":"FARGATE","memory":"1024","startedAt":1732536030.5,"stopCode":"EssentialContainerExited","stoppedAt":1732536200,
         "stoppedReason":"Task failed container health checks","stoppingAt":1732536190,"tags":[{"key":"team","value":"payments"}],
         "taskArn":"arn:aws:ecs:eu-west-1:123456789012:task/prod/1a2b","taskDefinitionArn":"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7","version":4}
        """;

    private const string Cluster = """
        {"clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/prod","clusterName":"prod","status":"ACTIVE",
         "registeredContainerInstancesCount":0,"runningTasksCount":5,"pendingTasksCount":1,"activeServicesCount":2,"statistics":[],
         "tags":[{"key":"env","value":"prod"}],"settings":[{"name":"containerInsights","value":"enabled"}],"capacityProviders":["FARGATE","FARGATE_SPOT"]}
        """;

    private const string Failures = """[{"arn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/gone","reason":"MISSING","detail":"not found"}]""";

    public static readonly Dictionary<string, string> ByOperation = new()
    {
        ["DescribeServices"] = $$"""{"services":[{{Service}}],"failures":{{Failures}}}""",
        ["CreateService"] = $$"""{"service":{{Service}}}""",
        ["UpdateService"] = $$"""{"service":{{Service}}}""",
        ["RegisterTaskDefinition"] = $$"""{"taskDefinition":{{TaskDefinition}},"tags":{{Tags}}}""",
        ["DescribeTaskDefinition"] = $$"""{"taskDefinition":{{TaskDefinition}},"tags":{{Tags}}}""",
        ["ListTaskDefinitions"] = """{"taskDefinitionArns":["arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7"],"nextToken":"page-2"}""",
        ["DeregisterTaskDefinition"] = $$"""{"taskDefinition":{{TaskDefinition}}}""",
        ["ListTasks"] = """{"taskArns":["arn:aws:ecs:eu-west-1:123456789012:task/prod/1a2b"],"nextToken":"page-2"}""",
        ["DescribeTasks"] = $$"""{"tasks":[{{Task}}],"failures":{{Failures}}}""",
        ["TagResource"] = "{}",
        ["ListTagsForResource"] = $$"""{"tags":{{Tags}}}""",
        ["ListServiceDeployments"] = """
            {"serviceDeployments":[{"serviceDeploymentArn":"arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc",
              "serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/web","clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
              "startedAt":1732536001,"createdAt":1732536000,"finishedAt":1732536300,
              "targetServiceRevisionArn":"arn:aws:ecs:eu-west-1:123456789012:service-revision/prod/web/8","status":"ROLLBACK_SUCCESSFUL",
              "statusReason":"Circuit breaker triggered"}],"nextToken":"page-2"}
            """,
        ["DescribeServiceDeployments"] = $$$"""
            {"serviceDeployments":[{"serviceDeploymentArn":"arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc",
              "serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/web","clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
              "createdAt":1732536000,"startedAt":1732536001,"finishedAt":1732536300,"stoppedAt":1732536290,"updatedAt":1732536300.75,
              "sourceServiceRevisions":[{"arn":"arn:aws:ecs:eu-west-1:123456789012:service-revision/prod/web/7","requestedTaskCount":3,"runningTaskCount":3,"pendingTaskCount":0}],
              "targetServiceRevision":{"arn":"arn:aws:ecs:eu-west-1:123456789012:service-revision/prod/web/8","requestedTaskCount":3,"runningTaskCount":0,"pendingTaskCount":2,"requestedProductionTrafficWeight":0.0},
              "status":"ROLLBACK_SUCCESSFUL","statusReason":"Circuit breaker triggered","lifecycleStage":"CLEAN_UP",
              "deploymentConfiguration":{{{DeploymentConfiguration}}},
              "rollback":{"reason":"Circuit breaker","startedAt":1732536200,"serviceRevisionArn":"arn:aws:ecs:eu-west-1:123456789012:service-revision/prod/web/7"},
              "deploymentCircuitBreaker":{"status":"TRIGGERED","failureCount":3,"threshold":3},
              "alarms":{"status":"MONITORING","alarmNames":["web-5xx"],"triggeredAlarmNames":[]}}],"failures":{{{Failures}}}}
            """,
        ["DescribeClusters"] = $$"""{"clusters":[{{Cluster}}],"failures":{{Failures}}}""",
        ["CreateCluster"] = $$"""{"cluster":{{Cluster}}}""",
    };
}
