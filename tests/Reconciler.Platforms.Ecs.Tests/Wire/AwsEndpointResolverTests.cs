using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire;

public sealed class AwsEndpointResolverTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new Dictionary<string, string>(), "ECS", "ecs", "https://ecs.eu-west-1.amazonaws.com/")
            .SetName("without overrides ECS goes to the regional public endpoint");
        yield return new TestCaseData(new Dictionary<string, string>(), "SSM", "ssm", "https://ssm.eu-west-1.amazonaws.com/")
            .SetName("without overrides SSM goes to the regional public endpoint");
        yield return new TestCaseData(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" }, "SSM", "ssm", "http://127.0.0.1:4566/")
            .SetName("AWS_ENDPOINT_URL overrides every service");
        yield return new TestCaseData(new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566", ["AWS_ENDPOINT_URL_ECS"] = "http://ecs.local:9000",
            }, "ECS", "ecs", "http://ecs.local:9000/")
            .SetName("AWS_ENDPOINT_URL_ECS beats AWS_ENDPOINT_URL for ECS");
        yield return new TestCaseData(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = "http://ecs.local:9000" }, "SSM", "ssm", "https://ssm.eu-west-1.amazonaws.com/")
            .SetName("AWS_ENDPOINT_URL_ECS does not move SSM");
        yield return new TestCaseData(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SSM"] = " http://ssm.local:9001 " }, "SSM", "ssm", "http://ssm.local:9001/")
            .SetName("AWS_ENDPOINT_URL_SSM overrides SSM, whitespace trimmed");
    }

    [TestCaseSource(nameof(Cases))]
    public void Resolves(Dictionary<string, string> env, string serviceId, string prefix, string expected)
    {
        var resolver = new AwsEndpointResolver(name => env.GetValueOrDefault(name));

        Assert.That(resolver.Resolve(serviceId, prefix, "eu-west-1").ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_malformed_override_names_the_variable_and_the_fix()
    {
        var resolver = new AwsEndpointResolver(name => name == "AWS_ENDPOINT_URL_ECS" ? "localhost:4566" : null);

        var error = Assert.Throws<AwsConfigurationException>(() => resolver.Resolve("ECS", "ecs", "eu-west-1"))!;

        Assert.That(error.Message, Does.Contain("AWS_ENDPOINT_URL_ECS").And.Contain("http://127.0.0.1:4566"));
    }
}
