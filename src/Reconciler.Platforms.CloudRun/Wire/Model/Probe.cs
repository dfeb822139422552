namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>Probe</c>: exactly one of httpGet, tcpSocket, grpc; times in whole seconds.</summary>
internal sealed class Probe
{
    public int? InitialDelaySeconds { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? PeriodSeconds { get; set; }
    public int? FailureThreshold { get; set; }
    public HttpGetAction? HttpGet { get; set; }
    public TcpSocketAction? TcpSocket { get; set; }
    public GrpcAction? Grpc { get; set; }
}
