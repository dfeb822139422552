using Reconciler.Core.Model;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Resolution;
using Reconciler.Platforms.Ecs.Wire.Ssm;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>SSM answers shapes the emulator does not produce; these pin the resolver's handling of them.</summary>
public sealed class SsmResolverTests
{
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

    private sealed class AnsweringSsm(params Parameter[] answers) : ISsmApi
    {
        public Task<GetParametersResponse> GetParametersAsync(GetParametersRequest request, CancellationToken ct = default) =>
            Task.FromResult(new GetParametersResponse { Parameters = answers });

        public Task<GetParametersByPathResponse> GetParametersByPathAsync(GetParametersByPathRequest request, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }
}
