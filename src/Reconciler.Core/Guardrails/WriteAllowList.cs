using Reconciler.Core.Model;
using Reconciler.Core.Seams;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// The accounts, regions, clusters and projects the daemon may write to (<c>--allow-aws-accounts</c>, ...). An empty
/// list for a scope allows every value; a resource outside a non-empty list is refused before any write.
/// <see cref="Refusal"/> is pure (a <see cref="WriteLocation"/> in, yes or why not out); <see cref="RefusalAsync"/>
/// first asks the platform for the location — the one path <c>run</c>, <c>apply</c> and <c>diff</c> share.
/// </summary>
public sealed class WriteAllowList
{
    private readonly IReadOnlyDictionary<WriteScope, IReadOnlySet<string>> _allowed;

    public WriteAllowList(IReadOnlyDictionary<WriteScope, IReadOnlyList<string>> allowed) =>
        _allowed = allowed.Where(a => a.Value.Count > 0)
            .ToDictionary(a => a.Key, a => (IReadOnlySet<string>)new HashSet<string>(a.Value, StringComparer.Ordinal));

    public static WriteAllowList AllowAll { get; } = new(new Dictionary<WriteScope, IReadOnlyList<string>>());

    /// <summary>No scope is restricted: nothing to check, so no location needs to be read.</summary>
    public bool AllowsEverything => _allowed.Count == 0;

    /// <summary>The scopes that are restricted (a platform reads only what these need, e.g. the account).</summary>
    public IReadOnlySet<WriteScope> Restricted => _allowed.Keys.ToHashSet();

    /// <summary>The flag that sets a scope's list (named in every refusal, so the fix is one edit away).</summary>
    public static string Flag(WriteScope scope) => scope switch
    {
        WriteScope.AwsAccount => "--allow-aws-accounts",
        WriteScope.AwsRegion => "--allow-aws-regions",
        WriteScope.EcsCluster => "--allow-ecs-clusters",
        WriteScope.GcpProject => "--allow-gcp-projects",
        WriteScope.GcpRegion => "--allow-gcp-regions",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>
    /// Null when <paramref name="platform"/> may write where <paramref name="manifest"/> lives; else the reason. The
    /// platform is asked for the location only when something is restricted (reading the AWS account costs a call).
    /// </summary>
    public async Task<string?> RefusalAsync(IPlatform platform, ResourceManifest manifest, CancellationToken ct) =>
        AllowsEverything ? null : Refusal(manifest.Key, await platform.LocateAsync(manifest, Restricted, ct));

    /// <summary>Null when every restricted scope that applies to <paramref name="location"/> allows it; else the reason, naming each violation.</summary>
    public string? Refusal(ResourceKey key, WriteLocation location)
    {
        var problems = new List<string>();
        foreach (var (scope, value) in location.Values.OrderBy(v => v.Key))
        {
            if (!_allowed.TryGetValue(scope, out var allowed))
            {
                continue;
            }
            var list = string.Join(",", allowed.Order(StringComparer.Ordinal));
            if (value is null)
            {
                problems.Add($"its {Noun(scope)} could not be determined and {Flag(scope)} ({list}) restricts it");
            }
            else if (!allowed.Contains(value))
            {
                problems.Add($"{Noun(scope)} {value} is not in {Flag(scope)} ({list})");
            }
        }
        return problems.Count == 0
            ? null
            : $"write refused: {key}: {string.Join("; ", problems)}; nothing was changed. " +
              "Add the value to the flag if this daemon should write there, or fix the manifest";
    }

    private static string Noun(WriteScope scope) => scope switch
    {
        WriteScope.AwsAccount => "AWS account",
        WriteScope.AwsRegion => "AWS region",
        WriteScope.EcsCluster => "ECS cluster",
        WriteScope.GcpProject => "GCP project",
        WriteScope.GcpRegion => "GCP region",
        _ => scope.ToString(),
    };
}
