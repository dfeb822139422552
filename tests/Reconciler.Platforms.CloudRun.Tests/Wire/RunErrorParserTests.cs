using System.Text;
using Reconciler.Platforms.CloudRun.Wire.Errors;

namespace Reconciler.Platforms.CloudRun.Tests.Wire;

/// <summary>Google's error bodies become typed errors with the retry classification the call policy relies on.</summary>
public sealed class RunErrorParserTests
{
    private static RunApiException Parse(int status, string? googleStatus, string message) =>
        RunErrorParser.Parse("services.patch", status, Encoding.UTF8.GetBytes(googleStatus is null
            ? "<html>bad gateway</html>"
            : new System.Text.Json.Nodes.JsonObject
            {
                ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = status, ["message"] = message, ["status"] = googleStatus, ["details"] = new System.Text.Json.Nodes.JsonArray() },
            }.ToJsonString()));

    [TestCase(429, "RESOURCE_EXHAUSTED", true, TestName = "429 RESOURCE_EXHAUSTED is retryable")]
    [TestCase(500, "INTERNAL", true, TestName = "500 INTERNAL is retryable")]
    [TestCase(503, "UNAVAILABLE", true, TestName = "503 UNAVAILABLE is retryable")]
    [TestCase(400, "INVALID_ARGUMENT", false, TestName = "400 INVALID_ARGUMENT is not retryable")]
    [TestCase(403, "PERMISSION_DENIED", false, TestName = "403 PERMISSION_DENIED is not retryable")]
    [TestCase(404, "NOT_FOUND", false, TestName = "404 NOT_FOUND is not retryable")]
    [TestCase(409, "ALREADY_EXISTS", false, TestName = "409 ALREADY_EXISTS is not retryable")]
    public void Classification(int status, string googleStatus, bool retryable)
    {
        var error = Parse(status, googleStatus, "something");
        Assert.That(error.IsRetryable, Is.EqualTo(retryable));
        Assert.That(error.Status, Is.EqualTo(googleStatus));
        Assert.That(error.Message, Does.Contain("something").And.Contain("services.patch"));
    }

    [Test]
    public void A_409_about_a_revision_name_with_different_configuration_is_its_own_type()
    {
        var error = Parse(409, "ALREADY_EXISTS", "Revision named 'web-1a2b3c4d5e6f' with different configuration already exists.");

        Assert.That(error, Is.TypeOf<RevisionConflictException>());
        Assert.That(((RevisionConflictException)error).Revision, Is.EqualTo("web-1a2b3c4d5e6f"));
        Assert.That(error.IsAlreadyExists, Is.True);
    }

    [Test]
    public void A_body_that_is_not_Googles_shape_keeps_the_status_and_its_canonical_name()
    {
        var error = Parse(503, null, "");

        Assert.That(error.Status, Is.EqualTo("UNAVAILABLE"));
        Assert.That(error.IsRetryable, Is.True);
    }
}
