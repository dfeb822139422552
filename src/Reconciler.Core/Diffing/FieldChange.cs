namespace Reconciler.Core.Diffing;

/// <summary>What part of the cloud a change touches; decides which actions the plan needs.</summary>
public enum ChangeScope
{
    /// <summary>Needs a new task definition revision / Cloud Run revision.</summary>
    Template,
    /// <summary>Service settings (network, load balancers, deployment configuration, ...).</summary>
    Service,
    /// <summary>desiredCount only: UpdateService without a new revision.</summary>
    Count,
    /// <summary>Tags/labels only.</summary>
    Tags,
    /// <summary>Cloud Run traffic split.</summary>
    Traffic,
}

/// <summary>
/// One managed field that differs. Values of sensitive fields (every environment value, secret reference, command,
/// entry point, args and log-driver option) are redacted by <see cref="Redacted"/>: the field name and a short hash
/// of each side are enough to see that — and which side — changed, never what the value is.
/// </summary>
public sealed record FieldChange(string Path, string? Desired, string? Observed, ChangeScope Scope, bool Sensitive = false)
{
    public const string Mask = "(redacted)";
    public FieldChange Redacted => Sensitive ? this with { Desired = Masked(Desired), Observed = Masked(Observed) } : this;

    /// <summary>"(redacted 1a2b3c4d)": the first 8 hex digits of the value's SHA-256.</summary>
    public static string? Masked(string? value) => value is null
        ? null
        : $"(redacted {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..8]})";
    public override string ToString() => $"{Path}: {Redacted.Observed ?? "(unset)"} -> {Redacted.Desired ?? "(unset)"}";
}
