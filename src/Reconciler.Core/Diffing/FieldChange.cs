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

/// <summary>One managed field that differs. Values of sensitive fields are redacted by <see cref="Redacted"/>.</summary>
public sealed record FieldChange(string Path, string? Desired, string? Observed, ChangeScope Scope, bool Sensitive = false)
{
    public const string Mask = "(redacted)";
    public FieldChange Redacted => Sensitive ? this with { Desired = Desired is null ? null : Mask, Observed = Observed is null ? null : Mask } : this;
    public override string ToString() => $"{Path}: {Redacted.Observed ?? "(unset)"} -> {Redacted.Desired ?? "(unset)"}";
}
