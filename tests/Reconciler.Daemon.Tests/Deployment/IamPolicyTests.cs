using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9, item 8: the minimal IAM policy in docs/operations.md allows exactly the ECS and SSM operations the
/// platform calls — a new call without a policy line fails here, not in someone's account.
/// </summary>
public sealed partial class IamPolicyTests
{
    private static string Platform => Path.Combine(RepoPaths.Root, "src", "Reconciler.Platforms.Ecs");

    [TestCase("ecs", "IEcsApi.cs", TestName = "the policy allows every ECS operation the platform calls and no other")]
    [TestCase("ssm", "ISsmApi.cs", TestName = "the policy allows every SSM operation the platform calls and no other")]
    public void The_policy_matches_the_calls(string prefix, string seam)
    {
        var operations = SeamMethod().Matches(File.ReadAllText(Directory.GetFiles(Platform, seam, SearchOption.AllDirectories).Single()))
            .Select(m => m.Groups[1].Value).ToHashSet();
        var called = Directory.GetFiles(Platform, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Wire{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Call().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(operations.Contains)
            .Select(op => $"{prefix}:{op}").ToHashSet();

        Assert.That(called, Is.Not.Empty);
        Assert.That(PolicyActions().Where(a => a.StartsWith(prefix + ":", StringComparison.Ordinal)), Is.EquivalentTo(called));
    }

    [Test]
    public void PassRole_is_limited_to_roles_passed_to_ECS_tasks()
    {
        var passRole = Policy()["Statement"]!.AsArray().Single(s => s!["Action"]!.ToJsonString() == "\"iam:PassRole\"")!;

        Assert.That(passRole["Resource"]!.ToJsonString(), Does.Not.Contain("\"*\""));
        Assert.That((string?)passRole["Condition"]!["StringEquals"]!["iam:PassedToService"], Is.EqualTo("ecs-tasks.amazonaws.com"));
    }

    private static JsonObject Policy()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));
        return JsonNode.Parse(JsonBlock().Match(doc).Groups[1].Value)!.AsObject();
    }

    private static IEnumerable<string> PolicyActions() =>
        Policy()["Statement"]!.AsArray().SelectMany(s => s!["Action"] is JsonArray many ? many.Select(a => (string)a!) : [(string)s["Action"]!]);

    [GeneratedRegex(@"Task<\w+Response> (\w+)Async\(")]
    private static partial Regex SeamMethod();

    [GeneratedRegex(@"\.(\w+)Async\(")]
    private static partial Regex Call();

    [GeneratedRegex("```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
