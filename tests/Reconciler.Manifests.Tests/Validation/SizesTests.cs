using Reconciler.Manifests.Validation.CloudRun;
using Reconciler.Manifests.Validation.Ecs;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>The forms ECS and Cloud Run take for cpu and memory.</summary>
public sealed class SizesTests
{
    [TestCase("1024", 1024)]
    [TestCase("1 vCPU", 1024)]
    [TestCase("1 vcpu", 1024)]
    [TestCase("0.25 vCPU", 256)]
    [TestCase("2vCPU", 2048)]
    [TestCase("lots", null)]
    [TestCase("-256", null)]
    [TestCase("0.1 vCPU", null)]
    [TestCase("256.5", null)]
    [TestCase("1 GB", null)]
    public void Ecs_cpu_is_units_or_vcpus(string text, int? units)
    {
        Assert.That(EcsSizes.CpuUnits(text), Is.EqualTo(units));
    }

    [TestCase("512", 512)]
    [TestCase("2GB", 2048)]
    [TestCase("2 GB", 2048)]
    [TestCase("0.5 gb", 512)]
    [TestCase("-1024", null)]
    [TestCase("2 TB", null)]
    [TestCase("1 vCPU", null)]
    public void Ecs_memory_is_mib_or_gb(string text, int? mib)
    {
        Assert.That(EcsSizes.MemoryMiB(text), Is.EqualTo(mib));
    }

    [TestCase("1", 1.0)]
    [TestCase("8", 8.0)]
    [TestCase("6000m", 6.0)]
    [TestCase("500m", 0.5)]
    [TestCase("0.08", 0.08)]
    [TestCase("0.125", 0.125)]
    [TestCase("3", null)]
    [TestCase("16", null)]
    [TestCase("0.07", null)]
    [TestCase("0.0005", null)]
    [TestCase("1.5", null)]
    [TestCase("1500m", null)]
    [TestCase("lots", null)]
    public void Cloud_run_cpu_is_a_whole_count_millicpu_or_a_fraction(string text, double? cpus)
    {
        Assert.That(CloudRunSizes.Cpu(text), Is.EqualTo(cpus is null ? null : (decimal?)(decimal)cpus.Value));
    }

    [TestCase("128Mi", 128)]
    [TestCase("32Gi", 32768)]
    [TestCase("512", null)]
    [TestCase("512M", null)]
    [TestCase("127Mi", null)]
    [TestCase("33Gi", null)]
    [TestCase("1.5Gi", null)]
    public void Cloud_run_memory_is_mi_or_gi_within_its_range(string text, int? mib)
    {
        Assert.That(CloudRunSizes.MemoryMiB(text), Is.EqualTo(mib));
    }
}
