using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class TunSideTests
{
    private const int Mtu = 1464;
    private readonly ForwardingTable _table = ForwardingTable.Build(Tables.ThreeNodes(), localNodeNumber: 1);

    [Fact]
    public void A_packet_for_a_peer_gets_our_header_in_front_and_goes_to_that_peer()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 100);
        var buffer = Packets.TunBuffer(packet);

        var length = TunSide.Encapsulate(buffer, packet.Length, _table, Mtu, out var peer, out _);

        Assert.Equal(WireHeader.Size + packet.Length, length);
        Assert.Equal(2, peer?.Number);
        Assert.Equal(Packets.Datagram(Tables.OverlayId, packet), buffer);
    }

    [Fact]
    public void Bytes_the_tun_returned_beyond_the_total_length_are_not_sent()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 10);
        var buffer = Packets.TunBuffer(packet.Concat(new byte[5]).ToArray());

        var length = TunSide.Encapsulate(buffer, packet.Length + 5, _table, Mtu, out _, out _);

        Assert.Equal(WireHeader.Size + packet.Length, length);
    }

    [Fact]
    public void A_packet_larger_than_the_mtu_without_df_is_still_sent()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: Mtu);

        var length = TunSide.Encapsulate(Packets.TunBuffer(packet), packet.Length, _table, Mtu, out _, out _);

        Assert.Equal(WireHeader.Size + packet.Length, length);
    }

    public static TheoryData<string, byte[], DropReason> Drops() => new()
    {
        { "for our own subnet", Packets.Ipv4("10.10.1.2", "10.10.1.3"), DropReason.UnknownDestination },
        { "for an unused subnet", Packets.Ipv4("10.10.1.2", "10.10.9.3"), DropReason.UnknownDestination },
        { "outside the overlay", Packets.Ipv4("10.10.1.2", "192.0.2.1"), DropReason.UnknownDestination },
        { "IPv6", Packets.Ipv6(), DropReason.NotIpv4 },
        { "cut short", Packets.Ipv4("10.10.1.2", "10.10.2.3")[..12], DropReason.Malformed },
        { "version 0", new byte[20], DropReason.Malformed },
        {
            "too big with DF",
            Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: Mtu - 19, dontFragment: true),
            DropReason.TooBig
        },
    };

    [Theory]
    [MemberData(nameof(Drops))]
    public void A_packet_that_cannot_be_forwarded_is_dropped_with_its_reason(
        string name,
        byte[] packet,
        DropReason expected)
    {
        var length = TunSide.Encapsulate(Packets.TunBuffer(packet), packet.Length, _table, Mtu, out _,
            out var reason);

        Assert.NotNull(name);
        Assert.Equal(0, length);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void A_df_packet_exactly_at_the_mtu_is_sent()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: Mtu - 20, dontFragment: true);

        var length = TunSide.Encapsulate(Packets.TunBuffer(packet), packet.Length, _table, Mtu, out _, out _);

        Assert.Equal(WireHeader.Size + Mtu, length);
    }
}
