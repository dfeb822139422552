using System.Text.Json.Nodes;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire.Errors;
using Reconciler.Platforms.Ecs.Wire.Ssm;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ssm;

/// <summary>The SSM client against a real Kestrel server on 127.0.0.1:0.</summary>
public sealed class SsmApiClientTests
{
    [Test]
    public async Task Twelve_names_are_fetched_in_batches_of_ten_and_two_with_decryption_and_merged()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"/app/key{i:00}").ToList();
        await using var server = await AwsRecorder.StartAsync(EchoParametersWithOneInvalid);
        using var clients = TestClients.For(server.Url);

        var response = await clients.Ssm.GetParametersAsync(new GetParametersRequest { Names = names, WithDecryption = true });

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => r.Json!["Names"]!.AsArray().Count), Is.EqualTo(new[] { 10, 2 }));
            Assert.That(server.Requests.Select(r => r.Json!["WithDecryption"]!.GetValue<bool>()), Is.All.True);
            Assert.That(server.Requests.Select(r => r.Target), Is.All.EqualTo("AmazonSSM.GetParameters"));
            Assert.That(server.Requests[0].Header("authorization"), Does.Contain("/eu-west-1/ssm/aws4_request"));
            Assert.That(response.Parameters.Select(p => p.Name), Is.EqualTo(names.Where(n => n != "/app/key11")));
            Assert.That(response.InvalidParameters, Is.EqualTo(new[] { "/app/key11" }));
            Assert.That(response.Parameters[0].Value, Is.EqualTo("value-of-/app/key01"));
        });
    }

    [Test]
    public void A_parameter_never_prints_its_value()
    {
        var parameter = new Parameter { Name = "/app/db-password", Type = "SecureString", Value = "hunter2", Version = 3 };

        Assert.That(parameter.ToString(), Does.Contain("/app/db-password").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task GetParametersByPath_follows_NextToken_through_every_page()
    {
        await using var server = await AwsRecorder.StartAsync(request =>
            request.Json!["NextToken"]?.GetValue<string>() == "page-2"
                ? CannedResponse.Ok("""{"Parameters":[{"Name":"/app/b","Type":"String","Value":"2","Version":1}]}""")
                : CannedResponse.Ok("""{"Parameters":[{"Name":"/app/a","Type":"String","Value":"1","Version":1}],"NextToken":"page-2"}"""));
        using var clients = TestClients.For(server.Url);

        var all = await clients.Ssm.GetAllParametersByPathAsync(new GetParametersByPathRequest { Path = "/app", Recursive = true });

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(p => p.Name), Is.EqualTo(new[] { "/app/a", "/app/b" }));
            Assert.That(server.Requests, Has.Count.EqualTo(2));
            Assert.That(server.Requests[0].Json!["NextToken"], Is.Null);
        });
    }

    [Test]
    public async Task A_missing_parameter_is_a_typed_ParameterNotFound_error()
    {
        await using var server = await AwsRecorder.StartAsync(_ => CannedResponse.Error(400, "ParameterNotFound", ""));
        using var clients = TestClients.For(server.Url);

        var error = Assert.ThrowsAsync<ParameterNotFoundException>(() =>
            clients.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/missing", WithDecryption = true }))!;

        Assert.That(error.IsRetryable, Is.False);
    }

    private static CannedResponse EchoParametersWithOneInvalid(RecordedRequest request)
    {
        var parameters = new JsonArray();
        var invalid = new JsonArray();
        foreach (var name in request.Json!["Names"]!.AsArray().Select(n => n!.GetValue<string>()))
        {
            if (name == "/app/key11")
            {
                invalid.Add(name);
                continue;
            }
            parameters.Add(new JsonObject
            {
                ["Name"] = name, ["Type"] = "SecureString", ["Value"] = $"value-of-{name}", ["Version"] = 1,
                ["LastModifiedDate"] = 1732536000.5, ["ARN"] = $"arn:aws:ssm:eu-west-1:1:parameter{name}", ["DataType"] = "text",
            });
        }
        return CannedResponse.Ok(new JsonObject { ["Parameters"] = parameters, ["InvalidParameters"] = invalid }.ToJsonString());
    }
}
