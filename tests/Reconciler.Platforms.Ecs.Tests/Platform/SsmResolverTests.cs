using Reconciler.Core.Model;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Resolution;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire.Ssm;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>The resolver's batching and retries over the official SSM SDK, and SSM answers the emulator does not produce.</summary>
public sealed class SsmResolverTests
{
    private static readonly List<string> Twelve = Enumerable.Range(1, 12).Select(i => $"/app/key{i:00}").ToList();

    private static AwsCallPolicy ZeroDelayPolicy() =>
        new(new AwsCallOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero }, TimeProvider.System);

    [Test]
    public async Task Twelve_references_are_fetched_in_batches_of_ten_and_two_without_decryption()
    {
        await using var server = await AwsRecorder.StartAsync(EchoStrings);
        using var clients = TestClients.For(server.Url);

        var resolved = await SsmResolver.ResolveAsync(TwelveReferences(), clients.Ssm, ZeroDelayPolicy(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => r.Json!["Names"]!.AsArray().Count), Is.EqualTo(new[] { 10, 2 }));
            Assert.That(server.Requests.Select(r => r.Json!["WithDecryption"]!.GetValue<bool>()), Is.All.False);
            Assert.That(resolved.Spec.TaskDefinition.Containers[0].Environment!["K12"].Resolved, Is.EqualTo("value-of-/app/key12"));
        });
    }

    [Test]
    public async Task A_retryable_failure_of_one_batch_retries_that_batch_only()
    {
        var failedOnce = 0;
        await using var server = await AwsRecorder.StartAsync(r =>
            r.Json!["Names"]!.AsArray().Count == 2 && Interlocked.Exchange(ref failedOnce, 1) == 0
                ? CannedResponse.Error(500, "InternalServerError", "try again")
                : EchoStrings(r));
        using var clients = TestClients.For(server.Url);

        var resolved = await SsmResolver.ResolveAsync(TwelveReferences(), clients.Ssm, ZeroDelayPolicy(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => r.Json!["Names"]!.AsArray().Count), Is.EqualTo(new[] { 10, 2, 2 }));
            Assert.That(resolved.Spec.TaskDefinition.Containers[0].Environment!["K11"].Resolved, Is.EqualTo("value-of-/app/key11"));
        });
    }

    [Test]
    public async Task A_version_selector_is_resolved_from_the_name_and_selector_ssm_answers_with()
    {
        var manifest = EcsManifestBuilder.WithContainer(c => c with
        {
            Image = new Value.Ssm("/app/image:3"),
            Environment = new Dictionary<string, Value> { ["LATEST"] = new Value.Ssm("/app/image") },
        });
        var ssm = new AnsweringSsm(
            new Parameter { Name = "/app/image", Selector = ":3", Type = "String", Value = "repo/app:1.2.3", Arn = "arn:aws:ssm:eu-west-1:1:parameter/app/image" },
            new Parameter { Name = "/app/image", Type = "String", Value = "repo/app:1.3.0", Arn = "arn:aws:ssm:eu-west-1:1:parameter/app/image" });

        var resolved = await SsmResolver.ResolveAsync(manifest, ssm, AwsCallPolicy.Default(TimeProvider.System), CancellationToken.None);

        var container = resolved.Spec.TaskDefinition.Containers[0];
        Assert.That(container.Image.Resolved, Is.EqualTo("repo/app:1.2.3"));
        Assert.That(container.Environment!["LATEST"].Resolved, Is.EqualTo("repo/app:1.3.0"));
    }

    private static Reconciler.Core.Ecs.EcsServiceManifest TwelveReferences() => EcsManifestBuilder.WithContainer(c => c with
    {
        Environment = Twelve.Select((name, i) => (name, i)).ToDictionary(p => $"K{p.i + 1}", p => (Value)new Value.Ssm(p.name)),
    });

    private static CannedResponse EchoStrings(RecordedRequest request)
    {
        var parameters = request.Json!["Names"]!.AsArray().Select(n => n!.GetValue<string>())
            .Select(name => $$"""{"Name":"{{name}}","Type":"String","Value":"value-of-{{name}}","Version":1,"ARN":"arn:aws:ssm:eu-west-1:1:parameter{{name}}"}""");
        return CannedResponse.Ok($$"""{"Parameters":[{{string.Join(",", parameters)}}],"InvalidParameters":[]}""");
    }

    private sealed class AnsweringSsm(params Parameter[] answers) : ISsmApi
    {
        public Task<GetParametersResponse> GetParametersAsync(IReadOnlyList<string> names, CancellationToken ct) =>
            Task.FromResult(new GetParametersResponse { Parameters = answers });
    }
}
