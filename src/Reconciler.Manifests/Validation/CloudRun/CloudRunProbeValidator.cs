using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.CloudRun;

/// <summary>
/// Probe rules of the Cloud Run v2 <c>Probe</c> (discovery document): one handler (RC0024); whole seconds within
/// the limits (RC0021: startup period, timeout and initial delay at most 240s, liveness at most 3600s,
/// failureThreshold at least 1); a timeout no longer than the period (RC0042; defaults 1s and 10s).
/// </summary>
internal static class CloudRunProbeValidator
{
    public const int StartupMaxSeconds = 240;
    public const int LivenessMaxSeconds = 3600;
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    public static void Validate(CloudRunProbe? probe, string path, bool startup, Findings findings)
    {
        if (probe is null)
        {
            return;
        }
        var handlers = new object?[] { probe.HttpGet, probe.TcpSocket, probe.Grpc }.Count(h => h is not null);
        if (handlers != 1)
        {
            findings.Error(DiagnosticCodes.ProbeHandler, $"a probe has exactly one of httpGet, tcpSocket or grpc; this one has {handlers}", path);
        }
        findings.Range(probe.HttpGet?.Port ?? probe.TcpSocket?.Port ?? probe.Grpc?.Port, 1, 65535, path, "probe port");
        if (probe.FailureThreshold is < 1)
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"failureThreshold must be at least 1, got {probe.FailureThreshold}", path + ".failureThreshold");
        }
        var max = startup ? StartupMaxSeconds : LivenessMaxSeconds;
        var kind = startup ? "a startup probe" : "a liveness probe";
        var ok = Seconds(probe.Period, 1, max, path + ".period", kind, findings);
        ok &= Seconds(probe.Timeout, 1, max, path + ".timeout", kind, findings);
        Seconds(probe.InitialDelay, 0, max, path + ".initialDelay", kind, findings);
        var (period, timeout) = (probe.Period ?? DefaultPeriod, probe.Timeout ?? DefaultTimeout);
        if (ok && timeout > period)
        {
            findings.Error(DiagnosticCodes.ProbeTimeoutOverPeriod,
                $"timeout {Binding.Durations.Format(timeout)} is longer than the period {Binding.Durations.Format(period)}{(probe.Period is null ? " (the default)" : "")}; " +
                "Cloud Run needs timeout <= period: raise the period or shorten the timeout", path + ".timeout");
        }
    }

    private static bool Seconds(TimeSpan? value, int min, int max, string path, string kind, Findings findings)
    {
        if (value is { } v && (v < TimeSpan.FromSeconds(min) || v > TimeSpan.FromSeconds(max) || v.Milliseconds != 0))
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"for {kind} this must be whole seconds between {min}s and {max}s, got {Binding.Durations.Format(v)}", path);
            return false;
        }
        return true;
    }
}
