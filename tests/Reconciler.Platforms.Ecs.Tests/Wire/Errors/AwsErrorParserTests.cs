using System.Text;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Errors;

public sealed class AwsErrorParserTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(400, """{"__type":"com.amazonaws.ecs#ThrottlingException","message":"Rate exceeded"}""", typeof(ThrottlingException), "ThrottlingException", true)
            .SetName("a namespaced ThrottlingException at 400 is retryable");
        yield return new TestCaseData(400, """{"__type":"ServiceNotFoundException","message":"Service not found."}""", typeof(ServiceNotFoundException), "ServiceNotFoundException", false)
            .SetName("ServiceNotFoundException is not retryable");
        yield return new TestCaseData(400, """{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", typeof(ClusterNotFoundException), "ClusterNotFoundException", false)
            .SetName("ClusterNotFoundException is not retryable");
        yield return new TestCaseData(400, """{"__type":"ClientException","message":"bad"}""", typeof(ClientException), "ClientException", false)
            .SetName("ClientException is not retryable");
        yield return new TestCaseData(500, """{"__type":"ServerException","message":"oops"}""", typeof(ServerException), "ServerException", true)
            .SetName("ServerException is retryable");
        yield return new TestCaseData(400, """{"__type":"ParameterNotFound","message":""}""", typeof(ParameterNotFoundException), "ParameterNotFound", false)
            .SetName("SSM ParameterNotFound is not retryable");
        yield return new TestCaseData(400, """{"__type":"AccessDeniedException","Message":"User is not authorized"}""", typeof(AccessDeniedException), "AccessDeniedException", false)
            .SetName("AccessDeniedException with a capitalised Message is not retryable");
        yield return new TestCaseData(400, """{"__type":"InvalidParameterException","message":"x"}""", typeof(InvalidParameterException), "InvalidParameterException", false)
            .SetName("InvalidParameterException is not retryable");
        yield return new TestCaseData(400, """{"__type":"ResourceNotFoundException","message":"x"}""", typeof(ResourceNotFoundException), "ResourceNotFoundException", false)
            .SetName("ResourceNotFoundException is not retryable");
        yield return new TestCaseData(500, """{"__type":"InternalServerError","message":"x"}""", typeof(ServerException), "InternalServerError", true)
            .SetName("SSM InternalServerError is retryable");
        yield return new TestCaseData(503, "<html>Service Unavailable</html>", typeof(ServerException), "ServerException", true)
            .SetName("a 503 HTML page from a proxy is a retryable server error");
        yield return new TestCaseData(400, """{"__type":"UnsupportedFeatureException","message":"x"}""", typeof(AwsApiException), "UnsupportedFeatureException", false)
            .SetName("an unknown code keeps its name and is not retryable");
        yield return new TestCaseData(429, "", typeof(ThrottlingException), "ThrottlingException", true)
            .SetName("an empty 429 is a retryable throttling error");
        yield return new TestCaseData(403, "", typeof(AwsApiException), "UnknownError", false)
            .SetName("an empty 403 is an unknown error that is not retried");
    }

    [TestCaseSource(nameof(Cases))]
    public void Parses(int status, string body, Type type, string code, bool retryable)
    {
        var error = AwsErrorParser.Parse("ECS", "UpdateService", status, Encoding.UTF8.GetBytes(body), new HttpResponseMessage().Headers);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(type));
            Assert.That(error.ErrorCode, Is.EqualTo(code));
            Assert.That(error.HttpStatus, Is.EqualTo(status));
            Assert.That(error.IsRetryable, Is.EqualTo(retryable));
            Assert.That(error.Message, Does.StartWith($"ECS UpdateService failed with {code} (HTTP {status})"));
        });
    }

    [Test]
    public void The_code_falls_back_to_the_x_amzn_ErrorType_header()
    {
        var headers = new HttpResponseMessage().Headers;
        headers.TryAddWithoutValidation("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/");

        var error = AwsErrorParser.Parse("ECS", "DescribeServices", 400, Encoding.UTF8.GetBytes("{}"), headers);

        Assert.That(error, Is.TypeOf<ThrottlingException>().With.Property(nameof(AwsApiException.IsRetryable)).True);
    }

    [Test]
    public void The_aws_message_is_kept_but_other_body_members_are_not()
    {
        var body = """{"__type":"InvalidParameterException","message":"Invalid revision","echo":"s3cr3t-value"}""";

        var error = AwsErrorParser.Parse("ECS", "UpdateService", 400, Encoding.UTF8.GetBytes(body), new HttpResponseMessage().Headers);

        Assert.That(error.Message, Does.EndWith(": Invalid revision").And.Not.Contain("s3cr3t-value"));
    }
}
