namespace Reconciler.Core.Guardrails;

/// <summary>
/// Where a resource would be written, as its platform reports it: one value per scope that applies to the platform
/// (ECS: account, region, cluster; Cloud Run: project, region). A null value means "applies, but could not be
/// determined" (the AWS account is known only from the cloud): a list that restricts that scope then refuses.
/// </summary>
public sealed record WriteLocation(IReadOnlyDictionary<WriteScope, string?> Values)
{
    public static WriteLocation Of(params (WriteScope Scope, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Scope, v => v.Value));
}
