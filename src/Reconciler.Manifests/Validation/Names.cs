using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Validation;

/// <summary>Name shapes accepted by both clouds (the stricter of ECS service names and Cloud Run service names).</summary>
internal static partial class Names
{
    /// <summary>DNS label: lower-case letters, digits and '-', starts with a letter, ends alphanumeric, at most 63.</summary>
    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    public static partial Regex DnsLabel();

    /// <summary>ECS family, container and cluster names.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    public static partial Regex EcsIdentifier();

    /// <summary>AWS regions: eu-west-3, us-gov-west-1 (at most EcsLimits.MaxRegionLength characters, checked separately).</summary>
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    public static partial Regex AwsRegion();

    /// <summary>GCP regions: europe-west1, us-central1.</summary>
    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]+$")]
    public static partial Regex GcpRegion();
}
