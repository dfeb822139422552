using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Manifests.Validation.Ecs;
using Reconciler.Testing;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>
/// The ECS limits are data from the vendored API model (tests/specs/aws/ecs-2014-11-13.service-2.json): where the
/// model states a min, max, pattern or a documented range, <see cref="EcsLimits"/> must say the same.
/// </summary>
public sealed partial class AwsModelAgreementTests
{
    private static readonly JsonObject Shapes = JsonNode.Parse(File.ReadAllText(RepoPaths.EcsModel))!["shapes"]!.AsObject();

    private static JsonObject Shape(string name) => Shapes[name]!.AsObject();

    private static string Doc(string shape, string member) =>
        Tags().Replace(Shape(shape)["members"]![member]!["documentation"]!.GetValue<string>(), "");

    [Test]
    public void Tag_count_key_and_value_limits_and_the_pattern_are_the_models()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Shape("Tags")["max"]!.GetValue<int>(), Is.EqualTo(EcsLimits.MaxTags));
            Assert.That(Shape("TagKey")["min"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Shape("TagKey")["max"]!.GetValue<int>(), Is.EqualTo(EcsLimits.MaxTagKeyLength));
            Assert.That(Shape("TagValue")["max"]!.GetValue<int>(), Is.EqualTo(EcsLimits.MaxTagValueLength));
            Assert.That(Shape("TagKey")["pattern"]!.GetValue<string>(), Is.EqualTo(EcsLimits.TagPattern));
            Assert.That(Shape("TagValue")["pattern"]!.GetValue<string>(), Is.EqualTo(EcsLimits.TagPattern));
        });
    }

    [Test]
    public void Capacity_provider_weight_and_base_ranges_are_the_models()
    {
        Assert.That(Shape("CapacityProviderStrategyItemWeight")["max"]!.GetValue<int>(), Is.EqualTo(EcsLimits.MaxCapacityProviderWeight));
        Assert.That(Shape("CapacityProviderStrategyItemBase")["max"]!.GetValue<int>(), Is.EqualTo(EcsLimits.MaxCapacityProviderBase));
    }

    [Test]
    public void Port_numbers_stop_at_the_models_maximum()
    {
        Assert.That(Shape("PortNumber")["max"]!.GetValue<int>(), Is.EqualTo(65535));
    }

    [TestCase("interval")]
    [TestCase("timeout")]
    [TestCase("retries")]
    [TestCase("startPeriod")]
    public void Health_check_ranges_are_the_ones_the_model_documents(string member)
    {
        var limit = new[] { EcsLimits.HealthCheckInterval, EcsLimits.HealthCheckTimeout, EcsLimits.HealthCheckRetries, EcsLimits.HealthCheckStartPeriod }
            .Single(l => l.Field == member);

        var range = Between().Match(Doc("HealthCheck", member));

        Assert.That(range.Success, Is.True, Doc("HealthCheck", member));
        Assert.That((int.Parse(range.Groups[1].Value), int.Parse(range.Groups[2].Value)), Is.EqualTo((limit.Min, limit.Max)));
    }

    [Test]
    public void Subnet_and_security_group_counts_are_the_models()
    {
        Assert.That(Doc("AwsVpcConfiguration", "subnets"), Does.Contain($"limit of {EcsLimits.MaxSubnets} subnets"));
        Assert.That(Doc("AwsVpcConfiguration", "securityGroups"), Does.Contain($"limit of {EcsLimits.MaxSecurityGroups} security groups"));
    }

    [Test]
    public void Task_cpu_bounds_and_the_container_memory_minimum_are_the_models()
    {
        Assert.That(Doc("RegisterTaskDefinitionRequest", "cpu"), Does.Contain($"between {EcsLimits.MinTaskCpu} CPU units").And.Contain($"and {EcsLimits.MaxTaskCpu} CPU units"));
        Assert.That(Doc("ContainerDefinition", "memory"), Does.Contain($"don't specify less than {EcsLimits.MinContainerMemory} MiB"));
    }

    [TestCase("RegisterTaskDefinitionRequest", "family")]
    [TestCase("ContainerDefinition", "name")]
    [TestCase("CreateClusterRequest", "clusterName")]
    [TestCase("CreateServiceRequest", "serviceName")]
    public void Names_allow_what_the_model_documents_and_the_family_is_shorter_on_purpose(string shape, string member)
    {
        Assert.That(Doc(shape, member), Does.Contain($"Up to {EcsLimits.MaxNameLength} letters (uppercase and lowercase), numbers"));
        Assert.That(EcsLimits.MaxFamilyLength, Is.LessThan(EcsLimits.MaxNameLength), "the family is lowered so Reconciler's ARN tags fit (TagValueFitTests)");
    }

    [Test]
    public void Every_fargate_size_in_the_models_table_is_valid_and_the_neighbours_are_not()
    {
        var doc = Doc("RegisterTaskDefinitionRequest", "memory");
        foreach (var (cpu, min, max, step) in FargateSizes.Table)
        {
            Assert.That(doc, Does.Contain($"cpu values: {cpu} ("), $"the model documents cpu {cpu}");
            var memories = FargateSizes.Memories(cpu);
            Assert.That((memories[0], memories[^1]), Is.EqualTo((min, max)));
            Assert.That(memories, Has.All.Matches<int>(m => FargateSizes.IsValid(cpu, m)));
            Assert.That(FargateSizes.IsValid(cpu, min - step) || FargateSizes.IsValid(cpu, max + step) || FargateSizes.IsValid(cpu, min + 1), Is.False, $"cpu {cpu}");
        }
        var raw = Shape("RegisterTaskDefinitionRequest")["members"]!["memory"]!["documentation"]!.GetValue<string>();
        var listed = Items().Matches(raw).Select(m => Tags().Replace(m.Groups[1].Value, "")).Where(item => char.IsAsciiDigit(item[0])).ToList();
        foreach (var item in listed)
        {
            var cpu = int.Parse(CpuOf().Match(item).Groups[1].Value);
            var memories = MemoryOf().Matches(item[..item.IndexOf(" - ", StringComparison.Ordinal)]).Select(m => int.Parse(m.Groups[1].Value));
            Assert.That(FargateSizes.Memories(cpu), Is.EqualTo(memories.ToList()), $"the model lists the memory values of cpu {cpu}: {item}");
        }
        Assert.That(listed, Has.Count.EqualTo(3), "the model lists cpu 256, 512 and 1024 value by value");
        Assert.That(doc, Does.Contain("Between 16 GB and 60 GB in 4 GB increments").And.Contain("Between 32GB and 120 GB in 8 GB increments"));
    }

    [GeneratedRegex("<li> <p>(.*?)</p>")]
    private static partial Regex Items();

    [GeneratedRegex("values: ([0-9]+)")]
    private static partial Regex CpuOf();

    [GeneratedRegex(@"([0-9]+) \(")]
    private static partial Regex MemoryOf();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("between ([0-9]+) and ([0-9]+)")]
    private static partial Regex Between();
}
