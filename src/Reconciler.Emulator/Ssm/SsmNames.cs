using System.Text.RegularExpressions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ssm;

/// <summary>SSM's parameter name rules.</summary>
internal static partial class SsmNames
{
    public static string Validate(string name)
    {
        if (name.Length > 2048 || !Allowed().IsMatch(name) || name.Contains("//"))
        {
            throw AwsException.SsmValidation($"Parameter name '{name}' is invalid: use letters, digits and .-_/ only, with '/' separating path levels.");
        }
        if (name.Split('/', StringSplitOptions.RemoveEmptyEntries).Length > 15)
        {
            throw new AwsException("HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels.");
        }
        return name;
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_.\-/]+$")]
    private static partial Regex Allowed();
}
