using Reconciler.Platforms.CloudRun.Wire;

namespace Reconciler.Platforms.CloudRun.Tests.Wire;

/// <summary>CLOUD_RUN_ENDPOINT: an override to the emulator, or Google's endpoint.</summary>
public sealed class CloudRunEndpointTests
{
    [Test]
    public void Without_the_variable_requests_go_to_Google_and_need_credentials()
    {
        var endpoint = CloudRunEndpoint.FromEnvironment(_ => null);

        Assert.That(endpoint.BaseUri, Is.EqualTo(new Uri("https://run.googleapis.com/")));
        Assert.That(endpoint.IsLoopback, Is.False);
    }

    [Test]
    public void A_loopback_override_is_the_emulator_and_gets_a_trailing_slash()
    {
        var endpoint = CloudRunEndpoint.FromEnvironment(name => name == "CLOUD_RUN_ENDPOINT" ? "http://127.0.0.1:4566" : null);

        Assert.That(endpoint.BaseUri.ToString(), Is.EqualTo("http://127.0.0.1:4566/"));
        Assert.That(endpoint.IsLoopback, Is.True);
    }

    [Test]
    public void An_override_that_is_not_a_URL_is_refused_with_the_fix() =>
        Assert.That(() => CloudRunEndpoint.FromEnvironment(_ => "localhost:4566"),
            Throws.ArgumentException.With.Message.Contains("CLOUD_RUN_ENDPOINT").And.Message.Contains("http://127.0.0.1:4566/"));
}
