using System.Globalization;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Binding;

/// <summary>Text, whole numbers, booleans and durations. Any scalar is accepted as text (so <c>cpu: 256</c> is "256").</summary>
internal static class ScalarBinder
{
    public static bool Handles(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(bool) || type == typeof(TimeSpan);

    public static BindResult Bind(YNode node, Type type, string path, BindingContext context)
    {
        if (node is not YScalar scalar)
        {
            context.Error(DiagnosticCodes.WrongType, $"expected {Expected(type)}, got {node.Describe}", node.Location, path);
            return BindResult.Failed;
        }
        if (type == typeof(string))
        {
            return BindResult.Of(scalar.Text);
        }
        if (type == typeof(int))
        {
            return int.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? BindResult.Of(number)
                : Fail(context, DiagnosticCodes.WrongType, $"expected a whole number, got {scalar.Describe}", scalar, path);
        }
        if (type == typeof(bool))
        {
            return scalar.Text.ToLowerInvariant() switch
            {
                "true" => BindResult.Of(true),
                "false" => BindResult.Of(false),
                _ => Fail(context, DiagnosticCodes.WrongType, $"expected true or false, got {scalar.Describe}", scalar, path),
            };
        }
        return BindDuration(scalar, path, context);
    }

    private static BindResult BindDuration(YScalar scalar, string path, BindingContext context)
    {
        if (Durations.TryParse(scalar.Text, out var duration))
        {
            return BindResult.Of(duration);
        }
        var message = long.TryParse(scalar.Text, out var bare)
            ? $"a duration needs a unit: write '{bare}s' (or '{bare}m', '{bare}ms')"
            : $"{scalar.Describe} is not a duration; write it like 30s, 5m, 1h30m or 500ms";
        return Fail(context, DiagnosticCodes.InvalidDuration, message, scalar, path);
    }

    private static BindResult Fail(BindingContext context, string code, string message, YScalar scalar, string path)
    {
        context.Error(code, message, scalar.Location, path);
        return BindResult.Failed;
    }

    private static string Expected(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a duration like 30s"
        : "a text value";
}
