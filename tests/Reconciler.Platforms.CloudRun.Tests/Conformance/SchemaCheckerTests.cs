using System.Text.Json.Nodes;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>The checker itself: it must reject what the discovery document does not allow, or the conformance tests prove nothing.</summary>
public sealed class SchemaCheckerTests
{
    private static IReadOnlyList<string> Check(string json, bool request = false) =>
        SchemaChecker.Check(DiscoveryDocument.Load(), "GoogleCloudRunV2Service", JsonNode.Parse(json), request);

    [TestCase("""{"name":"projects/p/locations/l/services/s","generation":"3","ingress":"INGRESS_TRAFFIC_ALL"}""", TestName = "A valid service passes")]
    public void Valid(string json) => Assert.That(Check(json), Is.Empty);

    [TestCase("""{"colour":"blue"}""", "not a member", TestName = "An unknown member fails")]
    [TestCase("""{"generation":3}""", "expected a string", TestName = "An int64 sent as a number fails")]
    [TestCase("""{"ingress":"ALL"}""", "not one of the enum values", TestName = "An enum value that is not listed fails")]
    [TestCase("""{"template":{"timeout":"10 seconds"}}""", "not a duration", TestName = "A duration not written like 10s fails")]
    [TestCase("""{"template":{"containers":[{"ports":[{"containerPort":"8080"}]}]}}""", "expected an integer", TestName = "An int32 sent as a string fails")]
    public void Invalid(string json, string expected) => Assert.That(Check(json), Has.Some.Contains(expected));

    [Test]
    public void A_request_carrying_an_output_only_member_fails() =>
        Assert.That(Check("""{"uri":"https://x.a.run.app"}""", request: true), Has.Some.Contains("output only"));

    [Test]
    public void An_operation_response_is_checked_as_the_service_its_type_names() =>
        Assert.That(SchemaChecker.Check(DiscoveryDocument.Load(), "GoogleLongrunningOperation", JsonNode.Parse(
            """{"name":"o","done":true,"response":{"@type":"type.googleapis.com/google.cloud.run.v2.Service","bogus":1}}"""), request: false),
            Has.Some.Contains("bogus"));
}
