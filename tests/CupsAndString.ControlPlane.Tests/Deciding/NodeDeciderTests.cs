using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Xunit;
using static CupsAndString.ControlPlane.Tests.Deciding.CreateOverlayDeciderTests;

namespace CupsAndString.ControlPlane.Tests.Deciding;

public sealed class NodeDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static PeerTable Overlay(string cidr = "10.10.0.0/16", int nodePrefix = 24, params int[] numbers)
    {
        var prefix = Ipv4Prefix.Parse(cidr);
        var nodes = numbers.Select(n => new PeerNode(
            n, Guid.NewGuid(), $"192.0.2.{10 + n}", prefix.Subnet(nodePrefix, (ulong)n).ToString()));
        return new PeerTable("web", 1, cidr, nodePrefix, 8285, 1 + numbers.Length, [.. nodes]);
    }

    [Fact]
    public void The_first_node_gets_number_1_and_the_first_subnet_after_the_reserved_one()
    {
        var decision = OverlayDecider.AddNode(Overlay(), new AddNode("web", "192.0.2.11"), Guid.Empty, Now);

        var added = Assert.IsType<NodeAdded>(Assert.Single(decision.Events));
        Assert.Equal(new NodeAdded("web", Guid.Empty, 1, "192.0.2.11", "10.10.1.0/24", Now), added);
        Assert.False(decision.Reply!.AlreadyMember);
    }

    [Fact]
    public void A_new_node_takes_the_lowest_free_number_so_a_removed_number_is_reused()
    {
        var decision = OverlayDecider.AddNode(Overlay("10.10.0.0/16", 24, 1, 3), new AddNode("web",
            "192.0.2.99"), Guid.Empty, Now);

        Assert.Equal(2, decision.Reply!.Number);
        Assert.Equal("10.10.2.0/24", decision.Reply.Subnet);
    }

    [Fact]
    public void Node_n_gets_subnet_number_n_for_other_node_prefixes_too()
    {
        var decision = OverlayDecider.AddNode(Overlay("172.16.0.0/12", 20, 1, 2, 3, 4), new AddNode("web",
            "192.0.2.99"), Guid.Empty, Now);

        Assert.Equal(5, decision.Reply!.Number);
        Assert.Equal("172.16.80.0/20", decision.Reply.Subnet);
    }

    [Fact]
    public void Adding_an_address_that_is_already_a_node_returns_that_node_and_no_event()
    {
        var overlay = Overlay("10.10.0.0/16", 24, 1, 2);

        var decision = OverlayDecider.AddNode(overlay, new AddNode("web", "192.0.2.12"), Guid.NewGuid(), Now);

        Assert.Empty(decision.Events);
        Assert.Null(decision.Rejection);
        Assert.True(decision.Reply!.AlreadyMember);
        Assert.Equal(2, decision.Reply.Number);
        Assert.Equal(overlay.Nodes[1].Id, decision.Reply.NodeId);
    }

    [Fact]
    public void A_full_overlay_rejects_a_node_saying_how_many_it_holds()
    {
        var decision = OverlayDecider.AddNode(Overlay("10.10.0.0/22", 24, 1, 2), new AddNode("web",
            "192.0.2.99"), Guid.Empty, Now);

        AssertRejected(decision, Rules.OverlayFull, "overlay 'web' is full: it holds 2 nodes");
    }

    [Fact]
    public void An_unknown_overlay_is_rejected()
    {
        var decision = OverlayDecider.AddNode(null, new AddNode("nope", "192.0.2.11"), Guid.Empty, Now);

        AssertRejected(decision, Rules.OverlayUnknown, "there is no overlay named 'nope'");
    }

    [Fact]
    public void An_invalid_overlay_name_is_rejected_before_looking_it_up()
    {
        var decision = OverlayDecider.AddNode(null, new AddNode("No!", "192.0.2.11"), Guid.Empty, Now);

        AssertRejected(decision, Rules.NameInvalid, "overlay name: 'No!' contains 'N'");
    }

    [Theory]
    [InlineData("192.0.2", "is not an IPv4 address")]
    [InlineData("2001:db8::1", "is not an IPv4 address")]
    [InlineData("300.1.1.1", "is not an IPv4 address")]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("0.0.0.0", "names no host")]
    [InlineData("224.0.0.5", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved or broadcast address")]
    [InlineData("10.10.3.7", "lies inside the overlay's own 10.10.0.0/16")]
    public void An_address_that_cannot_be_a_node_is_rejected(string address, string expected)
    {
        var decision = OverlayDecider.AddNode(Overlay(), new AddNode("web", address), Guid.Empty, Now);

        AssertRejected(decision, Rules.AddressInvalid, expected);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("192.0.2.12")]
    public void A_node_is_removed_by_number_or_address(string node)
    {
        var overlay = Overlay("10.10.0.0/16", 24, 1, 2);

        var decision = OverlayDecider.RemoveNode(overlay, new RemoveNode("web", node), Now);

        Assert.Equal(new NodeRemoved("web", overlay.Nodes[1].Id, 2, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void A_node_is_removed_by_id()
    {
        var overlay = Overlay("10.10.0.0/16", 24, 1, 2);

        var decision = OverlayDecider.RemoveNode(overlay, new RemoveNode("web",
            overlay.Nodes[0].Id.ToString()), Now);

        Assert.Equal(1, decision.Reply!.Number);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("192.0.2.77")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("kitchen")]
    public void Removing_a_node_the_overlay_does_not_have_is_rejected(string node)
    {
        var decision = OverlayDecider.RemoveNode(Overlay("10.10.0.0/16", 24, 1), new RemoveNode("web",
            node), Now);

        AssertRejected(decision, Rules.NodeUnknown, $"overlay 'web' has no node '{node}'");
    }

    [Fact]
    public void Removing_from_an_unknown_overlay_is_rejected()
    {
        var decision = OverlayDecider.RemoveNode(null, new RemoveNode("nope", "1"), Now);

        AssertRejected(decision, Rules.OverlayUnknown, "there is no overlay named 'nope'");
    }

    [Fact]
    public void The_peer_table_evolution_replays_a_history_into_the_live_nodes()
    {
        var id1 = Guid.NewGuid();
        var id2 = Guid.NewGuid();
        var table = PeerTableEvolution.Fold(
        [
            new OverlayCreated("web", 4, "10.10.0.0/16", 24, 8285, Now),
            new NodeAdded("web", id1, 1, "192.0.2.11", "10.10.1.0/24", Now),
            new NodeAdded("web", id2, 2, "192.0.2.12", "10.10.2.0/24", Now),
            new NodeRemoved("web", id1, 1, Now),
        ]);

        Assert.NotNull(table);
        Assert.Equal(4, table.Version);
        Assert.Equal(4u, table.OverlayId);
        Assert.Equal([new PeerNode(2, id2, "192.0.2.12", "10.10.2.0/24")], table.Nodes);
    }
}
