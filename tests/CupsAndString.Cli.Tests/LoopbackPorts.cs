using System.Net;
using System.Net.Sockets;

namespace CupsAndString.Cli.Tests;

internal static class LoopbackPorts
{
    /// <summary>A loopback port that nothing listens on (it was free a moment ago).</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
