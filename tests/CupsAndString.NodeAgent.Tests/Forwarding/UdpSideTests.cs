using System.Net;
using System.Net.Sockets;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class UdpSideTests
{
    private static readonly SocketAddress Node2 = Endpoint("127.0.0.12");
    private readonly ForwardingTable _table = ForwardingTable.Build(Tables.ThreeNodes(), localNodeNumber: 1);

    [Fact]
    public void A_datagram_from_a_peer_for_our_subnet_yields_the_inner_packet()
    {
        var inner = Packets.Ipv4("10.10.2.3", "10.10.1.2", payloadLength: 40);
        var datagram = Packets.Datagram(Tables.OverlayId, inner);

        var length = UdpSide.Decapsulate(datagram, Node2, _table, out _);

        Assert.Equal(inner.Length, length);
        Assert.Equal(inner, datagram.AsSpan(WireHeader.Size, length).ToArray());
    }

    public static TheoryData<string, string, byte[], DropReason> Drops()
    {
        var good = Packets.Ipv4("10.10.2.3", "10.10.1.2");
        var overlay = Tables.OverlayId;
        var badReserved = Packets.Datagram(overlay, good);
        badReserved[3] = 1;
        return new TheoryData<string, string, byte[], DropReason>
        {
            { "from a stranger", "127.0.0.99", Packets.Datagram(overlay, good), DropReason.UnknownSender },
            { "from ourselves", "127.0.0.11", Packets.Datagram(overlay, good), DropReason.UnknownSender },
            { "for another overlay", "127.0.0.12", Packets.Datagram(overlay + 1, good),
                DropReason.WrongOverlay },
            { "header cut short", "127.0.0.12", Packets.Datagram(overlay, good)[..5], DropReason.Malformed },
            { "reserved bits set", "127.0.0.12", badReserved, DropReason.Malformed },
            { "inner cut short", "127.0.0.12", Packets.Datagram(overlay, good[..30]), DropReason.Malformed },
            { "nothing inside", "127.0.0.12", Packets.Datagram(overlay, []), DropReason.Malformed },
            { "inner IPv6", "127.0.0.12", Packets.Datagram(overlay, Packets.Ipv6()), DropReason.NotIpv4 },
            {
                "source in node 3's subnet",
                "127.0.0.12",
                Packets.Datagram(overlay, Packets.Ipv4("10.10.3.3", "10.10.1.2")),
                DropReason.SpoofedSource
            },
            {
                "source outside the overlay",
                "127.0.0.12",
                Packets.Datagram(overlay, Packets.Ipv4("192.0.2.5", "10.10.1.2")),
                DropReason.SpoofedSource
            },
            {
                "destination in node 3's subnet",
                "127.0.0.12",
                Packets.Datagram(overlay, Packets.Ipv4("10.10.2.3", "10.10.3.2")),
                DropReason.WrongDestination
            },
        };
    }

    [Theory]
    [MemberData(nameof(Drops))]
    public void A_datagram_that_fails_a_check_is_dropped_with_its_reason(
        string name,
        string sender,
        byte[] datagram,
        DropReason expected)
    {
        var length = UdpSide.Decapsulate(datagram, Endpoint(sender), _table, out var reason);

        Assert.NotNull(name);
        Assert.Equal(0, length);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void A_sender_address_as_the_kernel_reports_it_matches_the_peer()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.11"), 0));
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.12"), 0));
        var peerPort = ((IPEndPoint)peer.LocalEndPoint!).Port;
        var table = ForwardingTable.Build(Tables.ThreeNodes(port: peerPort), 1);
        var inner = Packets.Ipv4("10.10.2.3", "10.10.1.2");
        peer.SendTo(Packets.Datagram(Tables.OverlayId, inner), receiver.LocalEndPoint!);
        var buffer = new byte[UdpSide.MaxDatagram];
        var sender = new SocketAddress(AddressFamily.InterNetwork);
        receiver.ReceiveTimeout = 5000;

        var received = receiver.ReceiveFrom(buffer, SocketFlags.None, sender);

        Assert.Equal(inner.Length, UdpSide.Decapsulate(buffer.AsSpan(0, received), sender, table, out _));
    }

    private static SocketAddress Endpoint(string address) =>
        new IPEndPoint(IPAddress.Parse(address), OverlayDefaults.Port).Serialize();
}
