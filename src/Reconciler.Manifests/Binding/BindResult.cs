namespace Reconciler.Manifests.Binding;

/// <summary>A bound value, or a failure already reported as a diagnostic (null is a valid "not set" value).</summary>
internal readonly record struct BindResult(bool Ok, object? Value)
{
    public static readonly BindResult Failed = new(false, null);

    public static BindResult Of(object? value) => new(true, value);
}
