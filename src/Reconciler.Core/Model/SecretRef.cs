namespace Reconciler.Core.Model;

/// <summary>
/// Where a secret comes from. Secrets never carry a value: ECS receives only a <c>valueFrom</c> ARN / name,
/// Cloud Run only a Secret Manager reference.
/// </summary>
public abstract record SecretRef
{
    private SecretRef() { }

    /// <summary>An SSM parameter (typically SecureString); becomes the parameter ARN in <c>valueFrom</c>.</summary>
    public sealed record SsmParameter(string Path) : SecretRef;

    /// <summary>A Secrets Manager secret ARN (optionally with <c>:json-key:version-stage:version-id</c>).</summary>
    public sealed record SecretsManager(string Arn) : SecretRef;

    /// <summary>A raw <c>valueFrom</c> as ECS takes it (an ARN or a parameter name).</summary>
    public sealed record ValueFrom(string Ref) : SecretRef;

    /// <summary>Cloud Run: a Secret Manager secret name and version (default <c>latest</c>).</summary>
    public sealed record SecretManagerSecret(string Secret, string Version) : SecretRef;

    /// <summary>The reference as ECS would store it in <c>valueFrom</c> (SSM paths are resolved to ARNs before Diff).</summary>
    public string Reference => this switch
    {
        SsmParameter p => p.Path,
        SecretsManager s => s.Arn,
        ValueFrom v => v.Ref,
        SecretManagerSecret g => $"{g.Secret}:{g.Version}",
        _ => throw new InvalidOperationException(),
    };
}
