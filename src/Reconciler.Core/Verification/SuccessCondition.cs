using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Verification;

/// <summary>A comparison with a constant: <c>&lt; 0.01</c>, <c>&gt;= 1</c>, <c>== 0</c>, <c>!= 0</c>, <c>&lt;=</c>, <c>&gt;</c>.</summary>
public sealed partial record SuccessCondition(string Operator, double Threshold)
{
    public static bool TryParse(string? text, out SuccessCondition condition)
    {
        condition = new SuccessCondition("==", 0);
        var match = text is null ? Match.Empty : Shape().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
            || !double.IsFinite(threshold))
        {
            return false;
        }
        condition = new SuccessCondition(match.Groups[1].Value, threshold);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> satisfies the condition; NaN never does.</summary>
    public bool IsMetBy(double value) => !double.IsNaN(value) && Operator switch
    {
        "<" => value < Threshold,
        "<=" => value <= Threshold,
        ">" => value > Threshold,
        ">=" => value >= Threshold,
        "==" => value == Threshold,
        _ => value != Threshold,
    };

    public override string ToString() => $"{Operator} {Threshold.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^\s*(<=|>=|==|!=|<|>)\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex Shape();
}
