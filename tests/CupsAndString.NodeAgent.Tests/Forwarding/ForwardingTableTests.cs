using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class ForwardingTableTests
{
    private readonly ForwardingTable _table = ForwardingTable.Build(Tables.ThreeNodes(), localNodeNumber: 1);

    [Theory]
    [InlineData("10.10.2.0", 2)]
    [InlineData("10.10.2.7", 2)]
    [InlineData("10.10.3.255", 3)]
    public void A_destination_in_a_peer_subnet_finds_that_peer(string destination, int expected)
    {
        Assert.Equal(expected, _table.FindByDestination(Packets.Ip(destination))?.Number);
    }

    [Theory]
    [InlineData("10.10.1.5")]
    [InlineData("10.10.4.1")]
    [InlineData("10.11.2.1")]
    [InlineData("192.0.2.1")]
    public void A_destination_in_our_subnet_an_unused_subnet_or_outside_the_overlay_finds_nothing(
        string destination)
    {
        Assert.Null(_table.FindByDestination(Packets.Ip(destination)));
    }

    [Fact]
    public void The_local_node_is_not_among_the_peers()
    {
        Assert.Equal(1, _table.Local.Number);
        Assert.Equal([2, 3], _table.Peers.Select(p => p.Number));
    }

    [Fact]
    public void A_sender_at_a_peer_endpoint_finds_that_peer()
    {
        var sender = new IPEndPoint(IPAddress.Parse("127.0.0.13"), OverlayDefaults.Port).Serialize();

        Assert.Equal(3, _table.FindBySender(sender)?.Number);
    }

    [Theory]
    [InlineData("127.0.0.13", 8286)]
    [InlineData("127.0.0.14", 8285)]
    [InlineData("127.0.0.11", 8285)]
    public void A_sender_on_another_port_or_address_or_ourselves_is_no_peer(string address, int port)
    {
        var sender = new IPEndPoint(IPAddress.Parse(address), port).Serialize();

        Assert.Null(_table.FindBySender(sender));
    }

    [Fact]
    public void The_tun_address_is_the_network_address_of_our_subnet()
    {
        Assert.Equal(Packets.Ip("10.10.1.0"), _table.TunAddress);
    }

    [Fact]
    public void A_table_without_the_local_node_is_refused_with_the_node_number()
    {
        var e = Assert.Throws<InvalidDataException>(() => ForwardingTable.Build(Tables.ThreeNodes(), 9));

        Assert.Equal("peer table of overlay web version 3 has no node 9", e.Message);
    }

    [Fact]
    public void Two_nodes_at_one_endpoint_are_refused()
    {
        var table = Tables.ThreeNodes() with
        {
            Nodes = [Tables.Node(1), Tables.Node(2) with { Address = "127.0.0.11" }],
        };

        var e = Assert.Throws<InvalidDataException>(() => ForwardingTable.Build(table, 1));

        Assert.Equal("peer table of overlay web: node 2: address 127.0.0.11 is also node 1's", e.Message);
    }

    [Fact]
    public void An_overlay_with_millions_of_node_subnets_still_finds_its_peers()
    {
        var table = new PeerTable(
            "big",
            9,
            "10.0.0.0/8",
            30,
            OverlayDefaults.Port,
            1,
            [
                new PeerNode(1, Tables.IdOf(1), "127.0.0.11", "10.0.0.4/30"),
                new PeerNode(4_000_000, Tables.IdOf(2), "127.0.0.12", "10.244.36.0/30"),
            ]);

        var built = ForwardingTable.Build(table, 1);

        Assert.Equal(4_000_000, built.FindByDestination(Packets.Ip("10.244.36.2"))?.Number);
        Assert.Null(built.FindByDestination(Packets.Ip("10.244.36.4")));
    }
}
