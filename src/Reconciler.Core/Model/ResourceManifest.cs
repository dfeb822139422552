namespace Reconciler.Core.Model;

/// <summary>One parsed, validated manifest document. Immutable; closed hierarchy (one record per kind).</summary>
public abstract record ResourceManifest(ManifestMetadata Metadata, SourceLocation Source)
{
    public abstract string Kind { get; }
    public ResourceKey Key => new(Kind, Metadata.Name);
    public abstract SyncPolicy SyncPolicy { get; }

    /// <summary><c>spec.verify</c>: the checks a ready rollout must pass before it is Completed (null: none).</summary>
    public virtual Verification.VerifySpec? Verify => null;

    /// <summary>
    /// Every value this manifest gives that diffs redact (environment values, command, entry point, args, log-driver
    /// options): what <see cref="Redaction.SecretScrubber"/> removes from cloud error messages about this resource.
    /// </summary>
    public abstract IEnumerable<string> SensitiveValues();

    /// <summary>
    /// <paramref name="values"/> without those that are also this resource's identity (name, region, cluster, image…):
    /// a log option <c>awslogs-region: eu-west-1</c> is no secret, and scrubbing the region from every message would make
    /// errors unreadable.
    /// </summary>
    protected IEnumerable<string> Sensitive(IEnumerable<string> values, IEnumerable<string?> identity)
    {
        var known = identity.OfType<string>().Append(Metadata.Name).ToHashSet(StringComparer.Ordinal);
        return values.Where(v => !known.Contains(v)).Distinct(StringComparer.Ordinal);
    }

    protected static IEnumerable<string> Literals(IReadOnlyDictionary<string, Value>? values) =>
        (values ?? new Dictionary<string, Value>()).Values.OfType<Value.Literal>().Select(l => l.Text);
}
