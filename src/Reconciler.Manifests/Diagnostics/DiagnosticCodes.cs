namespace Reconciler.Manifests.Diagnostics;

/// <summary>Stable diagnostic codes; the table with explanations is docs/manifest-rules.md.</summary>
public static class DiagnosticCodes
{
    // Errors: reading and parsing.
    public const string YamlSyntax = "RC0001";
    public const string FileTooLarge = "RC0002";
    public const string NestingTooDeep = "RC0003";
    public const string TooManyNodes = "RC0004";
    public const string CustomTag = "RC0005";
    public const string DuplicateKey = "RC0006";
    public const string UnknownField = "RC0007";
    public const string WrongType = "RC0008";
    public const string MissingField = "RC0009";
    public const string WrongApiVersion = "RC0010";
    public const string UnknownKind = "RC0011";
    public const string InvalidDuration = "RC0012";
    public const string SecretInEnvironment = "RC0013";
    public const string InvalidSecretRef = "RC0014";
    public const string DuplicateResource = "RC0015";
    public const string FileUnreadable = "RC0016";

    // Errors: validation of values.
    public const string InvalidName = "RC0020";
    public const string OutOfRange = "RC0021";
    public const string InvalidChoice = "RC0022";
    public const string ImageXorContainers = "RC0023";
    public const string ProbeHandler = "RC0024";
    public const string TrafficSum = "RC0025";
    public const string DuplicateContainer = "RC0026";
    public const string UnknownContainerRef = "RC0027";
    public const string InvalidReference = "RC0028";
    public const string InvalidHealthCheck = "RC0029";
    public const string GraceWithoutLoadBalancer = "RC0030";

    // Errors: values the clouds would refuse at apply time (ECS API reference, Cloud Run Admin API v2).
    public const string EcsSizeFormat = "RC0031";
    public const string ContainerExceedsTask = "RC0032";
    public const string FargateSize = "RC0033";
    public const string FargateRequirements = "RC0034";
    public const string AwsvpcNetwork = "RC0035";
    public const string EnvironmentName = "RC0036";
    public const string InvalidTag = "RC0037";
    public const string ReservedTagKey = "RC0038";
    public const string InvalidImage = "RC0039";
    public const string CloudRunResourceFormat = "RC0040";
    public const string CloudRunCpuMemory = "RC0041";
    public const string ProbeTimeoutOverPeriod = "RC0042";
    public const string TrafficLatestTwice = "RC0043";
    public const string InvalidLabel = "RC0044";
    public const string HostPortMismatch = "RC0045";
    public const string IngressContainer = "RC0046";

    // Errors: spec.verify (verification gates).
    public const string VerifyUrl = "RC0047";
    public const string VerifyPlaceholder = "RC0048";
    public const string VerifyDuration = "RC0049";
    public const string VerifyRegex = "RC0050";
    public const string VerifyCondition = "RC0051";
    public const string VerifyDuplicateCheck = "RC0052";
    public const string VerifyLimit = "RC0053";

    // Warnings: lint rules.
    public const string StartPeriodTooShort = "RC1001";
    public const string HealthCheckNeedsCurl = "RC1002";
    public const string ImageNotPinned = "RC1003";
    public const string NoHealthCheck = "RC1004";
    public const string NoStartupProbe = "RC1005";
    public const string NoRuntimePlatform = "RC1006";
    public const string PlaintextSecret = "RC1007";
    public const string CircuitBreakerOffWithRollback = "RC1008";
}
