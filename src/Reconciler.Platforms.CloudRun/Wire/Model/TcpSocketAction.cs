namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>TCPSocketAction</c>.</summary>
internal sealed class TcpSocketAction
{
    public int? Port { get; set; }
}
