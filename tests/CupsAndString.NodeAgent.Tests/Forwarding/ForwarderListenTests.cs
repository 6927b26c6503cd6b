using System.Net;
using System.Net.Sockets;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

[Collection(NamespaceTests.Name)]
public sealed class ForwarderListenTests
{
    [RootFact]
    public void A_port_already_bound_on_the_node_address_gives_one_sentence_naming_port_and_overlay()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.11"), 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var name = "fl" + Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        var tun = TunDevice.Open(name);

        var error = Assert.Throws<UnderlayListenException>(() => new Forwarder(tun,
            ForwardingTable.Build(Tables.ThreeNodes(port: port), 1), 1464, NullLoggerFactory.Instance));

        Assert.Equal(
            $"failed to listen on UDP port {port} for overlay 'web': address in use, probably by another "
                + "overlay's agent; give the overlays different ports (create overlay --port)",
            error.Message);
        Assert.Equal(SocketError.AddressAlreadyInUse, error.Error);
        Assert.DoesNotContain(name, File.ReadAllText("/proc/net/dev"), StringComparison.Ordinal);
    }
}
