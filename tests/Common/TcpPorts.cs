using System.Net;
using System.Net.Sockets;

namespace ConcurrencyDemo.Tests.Common;

/// <summary>Loopback ports as the tests of the photo site and the CLI's serve see them.</summary>
public static class TcpPorts
{
    /// <summary>True when a listening socket can take the port: nothing holds it any more.</summary>
    public static bool IsFree(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }
}
