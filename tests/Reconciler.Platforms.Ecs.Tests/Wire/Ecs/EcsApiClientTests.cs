using System.Text.Json.Nodes;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ecs;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ecs;

/// <summary>The ECS client against a real Kestrel server on 127.0.0.1:0.</summary>
public sealed class EcsApiClientTests
{
    private static readonly DescribeServicesRequest OneService = new() { Cluster = "prod", Services = ["web"] };

    [Test]
    public async Task A_request_carries_target_content_type_date_and_a_well_formed_signature()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok());
        using var clients = TestClients.For(server.Url);

        await clients.Ecs.DescribeServicesAsync(OneService);

        var request = server.Requests.Single();
        var auth = SigV4Verifier.AuthorizationPattern().Match(request.Header("authorization"));
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/"));
            Assert.That(request.Header("x-amz-target"), Is.EqualTo("AmazonEC2ContainerServiceV20141113.DescribeServices"));
            Assert.That(request.Header("content-type"), Is.EqualTo("application/x-amz-json-1.1"));
            Assert.That(request.Header("x-amz-date"), Is.EqualTo("20261125T120000Z"));
            Assert.That(request.Headers.ContainsKey("x-amz-security-token"), Is.False);
            Assert.That(auth.Success, Is.True, request.Header("authorization"));
            Assert.That(auth.Groups["key"].Value, Is.EqualTo("AKIDTEST"));
            Assert.That(auth.Groups["date"].Value + "/" + auth.Groups["region"].Value + "/" + auth.Groups["service"].Value, Is.EqualTo("20261125/eu-west-1/ecs"));
            Assert.That(auth.Groups["signed"].Value, Is.EqualTo("content-type;host;x-amz-date;x-amz-target"));
            Assert.That(SigV4Verifier.ActualSignature(request), Is.EqualTo(SigV4Verifier.ExpectedSignature(request, TestClients.Credentials.SecretAccessKey)));
            Assert.That(request.Json!.ToJsonString(), Is.EqualTo("""{"cluster":"prod","services":["web"]}"""));
        });
    }

    [Test]
    public async Task A_session_token_is_sent_as_X_Amz_Security_Token_and_signed()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok());
        using var clients = TestClients.For(server.Url, TestClients.Credentials with { SessionToken = "FwoGZXIvYXdzEXAMPLE" });

        await clients.Ecs.DescribeServicesAsync(OneService);

        var request = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Header("x-amz-security-token"), Is.EqualTo("FwoGZXIvYXdzEXAMPLE"));
            Assert.That(request.Header("authorization"), Does.Contain("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,"));
            Assert.That(SigV4Verifier.ActualSignature(request), Is.EqualTo(SigV4Verifier.ExpectedSignature(request, TestClients.Credentials.SecretAccessKey)));
        });
    }

    [Test]
    public async Task Twenty_three_services_are_described_in_batches_of_ten_ten_and_three_and_merged()
    {
        var names = Enumerable.Range(1, 23).Select(i => $"svc-{i:00}").ToList();
        await using var server = await AwsRecorder.StartAsync(EchoServicesWithOneMissing);
        using var clients = TestClients.For(server.Url);

        var response = await clients.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "prod", Services = names });

        var batches = server.Requests.Select(r => r.Json!["services"]!.AsArray().Select(n => n!.GetValue<string>()).ToList()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 10, 10, 3 }));
            Assert.That(batches.SelectMany(b => b), Is.EqualTo(names));
            Assert.That(server.Requests.Select(r => r.Json!["cluster"]!.GetValue<string>()), Is.All.EqualTo("prod"));
            Assert.That(response.Services.Select(s => s.ServiceName), Is.EqualTo(names.Where(n => n != "svc-07")));
            Assert.That(response.Failures.Select(f => f.Arn), Is.EqualTo(new[] { "arn:aws:ecs:eu-west-1:1:service/prod/svc-07" }));
        });
    }

    [Test]
    public async Task A_ThrottlingException_at_HTTP_400_becomes_a_retryable_typed_error()
    {
        await using var server = await AwsRecorder.StartAsync(_ =>
            CannedResponse.Error(400, "com.amazonaws.ecs#ThrottlingException", "Rate exceeded"));
        using var clients = TestClients.For(server.Url);

        var error = Assert.ThrowsAsync<ThrottlingException>(() => clients.Ecs.DescribeServicesAsync(OneService))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Message, Is.EqualTo("ECS DescribeServices failed with ThrottlingException (HTTP 400): Rate exceeded"));
        });
    }

    [Test]
    public async Task A_ServiceNotFoundException_becomes_a_typed_error_that_is_not_retried()
    {
        await using var server = await AwsRecorder.StartAsync(_ =>
            CannedResponse.Error(400, "ServiceNotFoundException", "Service not found."));
        using var clients = TestClients.For(server.Url);

        var error = Assert.ThrowsAsync<ServiceNotFoundException>(() =>
            clients.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "prod", Service = "web", DesiredCount = 2 }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.ServiceNotFound));
        });
    }

    [Test]
    public async Task The_endpoint_override_env_var_is_honoured_and_the_signing_region_stays_the_manifests()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok());
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = server.Url.ToString() };
        using var clients = AwsClients.Create("ap-southeast-2", new AwsEndpointResolver(env.GetValueOrDefault),
            new StaticCredentialsSource(TestClients.Credentials));

        await clients.Ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:ecs:ap-southeast-2:1:service/prod/web" });

        Assert.Multiple(() =>
        {
            Assert.That(clients.EcsEndpoint, Is.EqualTo(server.Url));
            Assert.That(clients.SsmEndpoint.ToString(), Is.EqualTo("https://ssm.ap-southeast-2.amazonaws.com/"));
            Assert.That(server.Requests.Single().Header("authorization"), Does.Contain("/ap-southeast-2/ecs/aws4_request"));
        });
    }

    [Test]
    public async Task Timestamps_in_epoch_seconds_with_fractions_are_read_to_the_millisecond()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok("""
            {"services":[{"serviceName":"web","deployments":[{"id":"ecs-svc/1","createdAt":1732536000.123,"updatedAt":1732536060}]}]}
            """));
        using var clients = TestClients.For(server.Url);

        var deployment = (await clients.Ecs.DescribeServicesAsync(OneService)).Services.Single().Deployments!.Single();

        Assert.Multiple(() =>
        {
            Assert.That(deployment.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732536000123)));
            Assert.That(deployment.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1732536060)));
        });
    }

    private static CannedResponse EchoServicesWithOneMissing(RecordedRequest request)
    {
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var name in request.Json!["services"]!.AsArray().Select(n => n!.GetValue<string>()))
        {
            var arn = $"arn:aws:ecs:eu-west-1:1:service/prod/{name}";
            (name == "svc-07" ? failures : services).Add(name == "svc-07"
                ? new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" }
                : new JsonObject { ["serviceName"] = name, ["serviceArn"] = arn, ["status"] = "ACTIVE" });
        }
        return CannedResponse.Ok(new JsonObject { ["services"] = services, ["failures"] = failures }.ToJsonString());
    }
}
