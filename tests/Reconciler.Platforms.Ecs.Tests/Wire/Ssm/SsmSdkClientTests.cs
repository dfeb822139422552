using System.Text.Json.Nodes;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ssm;
using Reconciler.Testing.Specs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ssm;

/// <summary>The official SSM SDK behind <see cref="ISsmApi"/>, against a real Kestrel server on 127.0.0.1:0.</summary>
public sealed class SsmSdkClientTests
{
    private static readonly string[] Names = ["/web/db-password", "/web/api-key"];

    [Test]
    public async Task GetParameters_is_one_signed_AmazonSSM_request_without_decryption()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok(SsmSampleResponses.GetParameters));
        using var clients = TestClients.For(server.Url);

        await clients.Ssm.GetParametersAsync(Names, CancellationToken.None);

        var sent = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Target, Is.EqualTo("AmazonSSM.GetParameters"));
            Assert.That(sent.Header("content-type"), Does.StartWith("application/x-amz-json-1.1"));
            Assert.That(sent.Json!["Names"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(Names));
            Assert.That(sent.Json!["WithDecryption"]!.GetValue<bool>(), Is.False);
            Assert.That(sent.Header("authorization"), Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/").And.Contain("/eu-west-1/ssm/aws4_request"));
        });
    }

    [Test]
    public async Task The_request_the_SDK_sends_is_valid_input_of_the_vendored_SSM_model()
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok(SsmSampleResponses.GetParameters));
        using var clients = TestClients.For(handler);

        await clients.Ssm.GetParametersAsync(Names, CancellationToken.None);

        Assert.That(AwsServiceModel.Ssm.ValidateInput("GetParameters", JsonNode.Parse(handler.Requests.Single().Body)), Is.Empty);
    }

    [Test]
    public async Task A_model_valid_response_is_read_into_every_member_the_resolver_uses()
    {
        Assert.That(AwsServiceModel.Ssm.ValidateOutput("GetParameters", JsonNode.Parse(SsmSampleResponses.GetParameters)), Is.Empty);
        using var clients = TestClients.For(new CapturingHandler(_ => CannedResponse.Ok(SsmSampleResponses.GetParameters)));

        var response = await clients.Ssm.GetParametersAsync(Names, CancellationToken.None);

        var parameter = response.Parameters.Single();
        Assert.Multiple(() =>
        {
            Assert.That((parameter.Name, parameter.Type, parameter.Version, parameter.Selector),
                Is.EqualTo(("/web/db-password", "SecureString", 3L, ":3")));
            Assert.That(parameter.Arn, Is.EqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password"));
            Assert.That(response.InvalidParameters, Is.EqualTo(new[] { "/web/api-key" }));
        });
    }

    [Test]
    public void More_than_ten_names_in_one_call_are_refused_before_anything_is_sent()
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok());
        using var clients = TestClients.For(handler);
        var eleven = Enumerable.Range(1, 11).Select(i => $"/p{i}").ToList();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clients.Ssm.GetParametersAsync(eleven, CancellationToken.None));
        Assert.That(handler.Requests, Is.Empty);
    }

    [TestCase("AWS_ENDPOINT_URL_SSM", TestName = "AWS_ENDPOINT_URL_SSM moves SSM and the signing region stays the manifest's")]
    [TestCase("AWS_ENDPOINT_URL", TestName = "AWS_ENDPOINT_URL moves SSM when there is no SSM-specific override")]
    public async Task An_endpoint_override_is_honoured(string variable)
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok("{}"));
        var env = new Dictionary<string, string> { [variable] = server.Url.ToString(), ["AWS_ENDPOINT_URL_ECS"] = "http://127.0.0.1:1/" };
        using var clients = AwsClients.Create("ap-southeast-2", new AwsEndpointResolver(env.GetValueOrDefault),
            new StaticCredentialsSource(TestClients.Credentials));

        await clients.Ssm.GetParametersAsync(["/a"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(clients.SsmEndpoint, Is.EqualTo(server.Url));
            Assert.That(server.Requests.Single().Header("authorization"), Does.Contain("/ap-southeast-2/ssm/aws4_request"));
        });
    }

    [Test]
    public void Without_an_override_SSM_goes_to_the_regional_public_endpoint()
    {
        using var clients = AwsClients.Create("ap-southeast-2", new AwsEndpointResolver(_ => null), new StaticCredentialsSource(TestClients.Credentials));

        Assert.That(clients.SsmEndpoint.ToString(), Is.EqualTo("https://ssm.ap-southeast-2.amazonaws.com/"));
    }

    [Test]
    public async Task Credentials_come_from_the_projects_credential_source_including_the_session_token()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Ok("{}"));
        using var clients = TestClients.For(server.Url, new AwsCredentials("ASIAROLE", "role-secret", "session-token-1"));

        await clients.Ssm.GetParametersAsync(["/a"], CancellationToken.None);

        var sent = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Header("authorization"), Does.StartWith("AWS4-HMAC-SHA256 Credential=ASIAROLE/"));
            Assert.That(sent.Header("x-amz-security-token"), Is.EqualTo("session-token-1"));
            Assert.That(sent.Header("authorization"), Does.Contain("x-amz-security-token"));
        });
    }

    [Test]
    public void A_parameter_never_prints_its_value()
    {
        var parameter = new Parameter { Name = "/app/db-password", Type = "SecureString", Value = "hunter2", Version = 3 };

        Assert.That(parameter.ToString(), Does.Contain("/app/db-password").And.Not.Contain("hunter2"));
    }
}
