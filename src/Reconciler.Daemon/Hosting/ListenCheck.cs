using System.Net;
using System.Net.Sockets;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// Checks that --listen can be bound before anything starts: otherwise Kestrel fails after the controller has begun
/// and the host logs its own stack trace, where one line naming --listen is what an operator needs.
/// (Racy by nature; Kestrel's own failure is still mapped to the same message.)
/// </summary>
internal static class ListenCheck
{
    public static string? Problem(IPEndPoint endpoint)
    {
        if (endpoint.Port == 0)
        {
            return null;
        }
        try
        {
            using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(endpoint);
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return InUse(endpoint);
        }
        catch (SocketException ex)
        {
            return $"cannot listen on {endpoint}: {ex.Message}; choose another address with --listen";
        }
    }

    public static string InUse(IPEndPoint endpoint) => $"cannot listen on {endpoint}: the port is in use; choose another with --listen";
}
