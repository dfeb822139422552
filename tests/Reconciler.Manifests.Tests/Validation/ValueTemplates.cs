namespace Reconciler.Manifests.Tests.Validation;

/// <summary>Valid manifests at the shape the cloud-limit rules look at: a Fargate service and a Cloud Run service with resources.</summary>
internal static class ValueTemplates
{
    public const string Fargate = """
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: web
        spec:
          region: eu-west-3
          cluster: prod
          desiredCount: 2
          taskDefinition:
            family: web
            cpu: 256
            memory: 512
            networkMode: awsvpc
            requiresCompatibilities: [FARGATE]
            runtimePlatform: {cpuArchitecture: X86_64}
            containers:
              - name: web
                image: repo/web:v1.0.0
                portMappings: [{containerPort: 8000}]
                healthCheck:
                  command: [CMD-SHELL, "python -c 'import urllib.request' || exit 1"]
                  startPeriod: 60s
          service:
            launchType: FARGATE
            networkConfiguration:
              awsvpc: {subnets: [subnet-0aa11bb22cc33dd44]}
        """ + "\n";

    public const string CloudRun = """
        apiVersion: reconciler/v1alpha1
        kind: CloudRunService
        metadata:
          name: app
        spec:
          project: my-project-1
          region: europe-west1
          containers:
            - image: repo/app:v1.0.0
              resources: {cpu: "1", memory: 512Mi}
              startupProbe:
                httpGet: {path: /health}
        """ + "\n";
}
