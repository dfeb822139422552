namespace Reconciler.Emulator.Faults;

/// <summary>
/// Random faults applied to wire calls. Each rate is a probability 0..1 drawn per call from a seeded
/// <see cref="Random"/>, so a run with the same seed and the same call sequence fails the same way.
/// </summary>
public sealed record FaultOptions
{
    public static FaultOptions None { get; } = new();

    /// <summary>Share of calls answered with ThrottlingException "Rate exceeded" (HTTP 400).</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Share of calls answered with HTTP 500 (ServerException for ECS, InternalServerError for SSM).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of calls whose connection is aborted before any response.</summary>
    public double DropRate { get; init; }

    /// <summary>Delay added before a call is answered (waits on the emulator's TimeProvider).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of calls that get <see cref="LatencyMs"/>; 1 (the default) delays every call.</summary>
    public double LatencyRate { get; init; } = 1;

    /// <summary>Operation names (e.g. "UpdateService") the faults apply to; null or empty means every operation.</summary>
    public IReadOnlySet<string>? Operations { get; init; }

    public bool AppliesTo(string operation) => Operations is null || Operations.Count == 0 || Operations.Contains(operation);

    internal IEnumerable<string> Problems()
    {
        foreach (var (name, rate) in new[] { ("throttleRate", ThrottleRate), ("errorRate", ErrorRate), ("dropRate", DropRate), ("latencyRate", LatencyRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                yield return $"{name} must be between 0 and 1, got {rate}";
            }
        }
        if (LatencyMs < 0)
        {
            yield return $"latencyMs must be 0 or more, got {LatencyMs}";
        }
    }
}
