using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.Ecs;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The scenario's own look at the cloud, over the same wire protocol a person's AWS CLI would use: read the web service,
/// change it behind the daemon's back, and count the daemon's write calls.
/// </summary>
internal sealed class CloudView(EmulatorHost emulator) : IDisposable
{
    private static readonly string[] Writes = ["RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "UntagResource", "DeleteService"];
    private readonly EcsRegionClients _clients = new(AwsEndpointResolver.Fixed(emulator.BaseUri), StaticCredentialsSource.Emulator);

    public EmulatorControl Control => emulator.State;

    private Api.IEcsApi Ecs => _clients.For("us-east-1").Ecs;

    public int Count(string operation) => Control.CallCount(operation, CallOutcome.Succeeded);

    /// <summary>Successful calls that change something (the test's own writes included: take differences).</summary>
    public int WriteCalls() => Writes.Sum(Count);

    /// <summary>Every task definition registered in <paramref name="region"/>, each as the JSON DescribeTaskDefinition returns.</summary>
    public async Task<IReadOnlyList<string>> TaskDefinitionsJsonAsync(string region)
    {
        var ecs = _clients.For(region).Ecs;
        var arns = (await ecs.ListTaskDefinitionsAsync(new Api.ListTaskDefinitionsRequest())).TaskDefinitionArns ?? [];
        var described = new List<string>();
        foreach (var arn in arns)
        {
            var response = await ecs.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = arn });
            described.Add(System.Text.Json.JsonSerializer.Serialize(response));
        }
        return described;
    }

    public async Task<Api.Service> WebAsync()
    {
        var response = await Ecs.DescribeServicesAsync(new Api.DescribeServicesRequest { Cluster = "default", Services = [WebManifest.Name], Include = ["TAGS"] });
        return response.Services.Single();
    }

    public Task ScaleWebBehindTheDaemonsBackAsync(int desiredCount) =>
        Ecs.UpdateServiceAsync(new Api.UpdateServiceRequest { Cluster = "default", Service = WebManifest.Name, DesiredCount = desiredCount });

    public void Dispose() => _clients.Dispose();
}
