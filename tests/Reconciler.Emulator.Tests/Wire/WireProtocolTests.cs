using System.Net;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Wire;

/// <summary>The JSON 1.1 envelope: targets, SigV4 header shape, content type, AWS-shaped errors.</summary>
internal sealed class WireProtocolTests : EmulatorTestBase
{
    private const string ListClusters = "AmazonEC2ContainerServiceV20141113.DescribeClusters";

    [Test]
    public async Task A_missing_Authorization_header_is_rejected_with_403_IncompleteSignatureException()
    {
        var response = await Aws.RawAsync(ListClusters, "{}", authorization: null);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.ErrorType, Is.EqualTo("IncompleteSignatureException"));
    }

    [TestCase("Bearer abc", TestName = "A bearer token is not a SigV4 header")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecs/aws4_request", TestName = "A SigV4 header without SignedHeaders and Signature is rejected")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=ab", TestName = "A credential scope with a malformed date is rejected")]
    public async Task Malformed_authorization(string header)
    {
        var response = await Aws.RawAsync(ListClusters, "{}", header);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.ErrorType, Is.EqualTo("IncompleteSignatureException"));
    }

    [Test]
    public async Task A_credential_scoped_to_another_service_is_rejected()
    {
        var response = await Aws.RawAsync(ListClusters, "{}", WireClient.Authorization("us-east-1", "ssm"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Message, Does.Contain("'ecs'"));
    }

    [Test]
    public async Task An_unknown_operation_is_a_400_UnknownOperationException()
    {
        var response = await Aws.RawAsync("AmazonEC2ContainerServiceV20141113.LaunchRockets", "{}", WireClient.Authorization("us-east-1", "ecs"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("UnknownOperationException"));
    }

    [Test]
    public async Task An_unknown_target_prefix_is_a_400_UnknownOperationException()
    {
        var response = await Aws.RawAsync("AmazonS3.ListBuckets", "{}", WireClient.Authorization("us-east-1", "s3"));

        Assert.That(response.ErrorType, Is.EqualTo("UnknownOperationException"));
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_a_SerializationException()
    {
        var response = await Aws.RawAsync(ListClusters, "{not json", WireClient.Authorization("us-east-1", "ecs"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("SerializationException"));
    }

    [Test]
    public async Task A_wrong_content_type_is_a_SerializationException()
    {
        var response = await Aws.RawAsync(ListClusters, "{}", WireClient.Authorization("us-east-1", "ecs"), "application/json");

        Assert.That(response.ErrorType, Is.EqualTo("SerializationException"));
    }

    [Test]
    public async Task State_is_kept_per_region_taken_from_the_credential_scope()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/app/db-host", Value = "db.internal", Type = "String" });

        var elsewhere = await Aws.InRegion("eu-west-3").SsmAsync("GetParameter", new { Name = "/app/db-host" });
        var here = await Aws.SsmOkAsync("GetParameter", new { Name = "/app/db-host" });

        Assert.That(elsewhere.ErrorType, Is.EqualTo("ParameterNotFound"));
        Assert.That(here["Parameter"]!["ARN"]!.GetValue<string>(), Is.EqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/db-host"));
    }

    [Test]
    public async Task Responses_carry_the_JSON_1_1_content_type_and_a_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", ListClusters);
        request.Headers.TryAddWithoutValidation("Authorization", WireClient.Authorization("us-east-1", "ecs"));

        using var response = await Http.SendAsync(request);

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-amz-json-1.1"));
        Assert.That(response.Headers.Contains("x-amzn-RequestId"), Is.True);
    }
}
