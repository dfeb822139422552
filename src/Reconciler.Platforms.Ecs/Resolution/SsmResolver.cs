using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire.Ssm;

namespace Reconciler.Platforms.Ecs.Resolution;

/// <summary>
/// Resolves <c>{ssm: /path}</c> values and <c>ssmParameter</c> secrets in one batched GetParameters pass
/// (at most 10 names a call, through the official SSM SDK behind <see cref="ISsmApi"/>) without decryption: a SecureString's value is never fetched. String/StringList values
/// become literals; a SecureString may only become a <c>secrets[].valueFrom</c> ARN.
/// </summary>
internal static class SsmResolver
{
    private const string SecureString = "SecureString";

    /// <param name="pass">The current resync pass's parameters (<see cref="SsmPass"/>): used when it read every name.</param>
    public static async Task<EcsServiceManifest> ResolveAsync(EcsServiceManifest manifest, ISsmApi ssm, AwsCallPolicy policy, CancellationToken ct, SsmPass? pass = null)
    {
        var containers = manifest.Spec.TaskDefinition.Containers;
        var names = Names(manifest).ToList();
        if (names.Count == 0)
        {
            return manifest;
        }
        var response = pass?.TryGet(manifest.Spec.Region, names) ?? await GetAllAsync(names, manifest.Spec.Region, ssm, policy, ct);
        if (response.InvalidParameters.Count > 0)
        {
            throw new PlatformException(
                $"SSM parameter(s) not found in {manifest.Spec.Region}: {string.Join(", ", response.InvalidParameters.Order(StringComparer.Ordinal))} " +
                $"(referenced by {manifest.Key}); create them or fix the path in {manifest.Source.File}", retryable: false);
        }
        var found = ByRequestedName(response.Parameters, names, manifest);
        var plainSecrets = containers
            .SelectMany(c => ValueRefs(c).Where(r => found[r.Ref.Path].Type == SecureString)
                .Select(r => $"spec.taskDefinition.containers[{c.Name}].{r.Field}: {{ssm: {r.Ref.Path}}} is a SecureString"))
            .ToList();
        if (plainSecrets.Count > 0)
        {
            // Resolving it would put the decrypted value into the task definition, where anyone with DescribeTaskDefinition reads it.
            throw new PlatformException(
                $"{manifest.Source.File}: {manifest.Key}: {string.Join("; ", plainSecrets)}; a SecureString may only be used under 'secrets' " +
                "(DB_PASSWORD: {ssmParameter: /path}), never as an image or environment value", retryable: false);
        }
        var resolved = containers.Select(c => Resolve(c, found)).ToList();
        return manifest with { Spec = manifest.Spec with { TaskDefinition = manifest.Spec.TaskDefinition with { Containers = resolved } } };
    }

    /// <summary>Every SSM name the manifest references (values, and secrets not given as an ARN), each once.</summary>
    public static IEnumerable<string> Names(EcsServiceManifest manifest)
    {
        var containers = manifest.Spec.TaskDefinition.Containers;
        return containers.SelectMany(ValueRefs).Select(r => r.Ref.Path)
            .Concat(containers.SelectMany(c => c.Secrets ?? new Dictionary<string, SecretRef>())
                .Select(s => s.Value).OfType<SecretRef.SsmParameter>().Where(p => !IsArn(p.Path)).Select(p => p.Path))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// One GetParameters call per 10 names, one after another (they share the region's rate limit), each through the
    /// rate limiter and Polly pipeline on its own, so a retry repeats only the batch that failed.
    /// </summary>
    internal static async Task<GetParametersResponse> GetAllAsync(
        IReadOnlyList<string> names, string region, ISsmApi ssm, AwsCallPolicy policy, CancellationToken ct)
    {
        var parameters = new List<Parameter>();
        var invalid = new List<string>();
        foreach (var batch in names.Chunk(ISsmApi.MaxNamesPerCall))
        {
            var page = await policy.RunAsync(region, "GetParameters", token => ssm.GetParametersAsync(batch, token), ct);
            parameters.AddRange(page.Parameters);
            invalid.AddRange(page.InvalidParameters);
        }
        return new GetParametersResponse { Parameters = parameters, InvalidParameters = invalid };
    }

    private static IEnumerable<(string Field, Value.Ssm Ref)> ValueRefs(EcsContainerSpec c)
    {
        if (c.Image is Value.Ssm image)
        {
            yield return ("image", image);
        }
        foreach (var (name, value) in c.Environment ?? new Dictionary<string, Value>())
        {
            if (value is Value.Ssm s)
            {
                yield return ($"environment.{name}", s);
            }
        }
    }

    private static EcsContainerSpec Resolve(EcsContainerSpec c, IReadOnlyDictionary<string, Parameter> found) => c with
    {
        Image = Literal(c.Image, found),
        Environment = c.Environment?.ToDictionary(e => e.Key, e => Literal(e.Value, found), StringComparer.Ordinal),
        Secrets = c.Secrets?.ToDictionary(
            e => e.Key,
            e => e.Value is SecretRef.SsmParameter p ? new SecretRef.ValueFrom(IsArn(p.Path) ? p.Path : found[p.Path].Arn ?? p.Path) : e.Value,
            StringComparer.Ordinal),
    };

    /// <summary>
    /// SSM answers "/x:3" (a version or label selector) as Name "/x" plus Selector ":3"; key the answers by what was asked,
    /// so two selectors of one name do not collide and every requested name is found.
    /// </summary>
    private static Dictionary<string, Parameter> ByRequestedName(IReadOnlyList<Parameter> parameters, IReadOnlyList<string> names, EcsServiceManifest manifest)
    {
        var found = ByName(parameters);
        var unanswered = names.Where(n => !found.ContainsKey(n)).ToList();
        return unanswered.Count == 0 ? found : throw new PlatformException(
            $"SSM returned no parameter under the name(s) {string.Join(", ", unanswered)} (referenced by {manifest.Key} in {manifest.Source.File}); " +
            "use the parameter's path, e.g. /app/prod/image", retryable: false);
    }

    /// <summary>The answers keyed by the name that was asked (name plus selector).</summary>
    internal static Dictionary<string, Parameter> ByName(IReadOnlyList<Parameter> parameters) =>
        parameters.Where(p => p.Name is not null)
            .GroupBy(p => p.Name + (p.Selector ?? ""), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>An ARN (e.g. a parameter shared from another account) already is the valueFrom ECS needs: nothing to look up.</summary>
    private static bool IsArn(string path) => path.StartsWith("arn:", StringComparison.Ordinal);

    private static Value Literal(Value value, IReadOnlyDictionary<string, Parameter> found) =>
        value is Value.Ssm s ? Value.Of(found[s.Path].Value ?? "") : value;
}
