using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Xunit;
using static CupsAndString.ControlPlane.Tests.Deciding.CreateOverlayDeciderTests;

namespace CupsAndString.ControlPlane.Tests.Deciding;

public sealed class RemoveOverlayDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static PeerTable Overlay(int nodes) => new(
        "web",
        4,
        "10.20.0.0/16",
        24,
        8300,
        1 + nodes,
        [.. Enumerable.Range(1, nodes).Select(n => new PeerNode(
            n, Guid.NewGuid(), $"192.0.2.{10 + n}", $"10.20.{n}.0/24"))]);

    [Fact]
    public void An_empty_overlay_is_removed_and_deregistered_with_its_plan()
    {
        var decision = OverlayDecider.RemoveOverlay(Overlay(0), new RemoveOverlay("web", false), Now);

        Assert.Null(decision.Rejection);
        Assert.Equal(
            [
                new OverlayRemoved("web", 4, "10.20.0.0/16", 24, 8300, 0, Now),
                new OverlayDeregistered("web", 4, "10.20.0.0/16", Now),
            ],
            decision.Events);
        Assert.Equal(new OverlayRemovalAccepted("web", 4, "10.20.0.0/16", 0), decision.Reply);
    }

    [Theory]
    [InlineData(1, "still has 1 node,")]
    [InlineData(3, "still has 3 nodes,")]
    public void An_overlay_with_nodes_is_refused_without_force_saying_how_to_proceed(int nodes, string count)
    {
        var decision = OverlayDecider.RemoveOverlay(Overlay(nodes), new RemoveOverlay("web", false), Now);

        AssertRejected(decision, Rules.OverlayHasNodes, $"overlay 'web' {count}");
        Assert.Contains("'cups-and-string remove node --overlay web --node N'", decision.Rejection!.Reason,
            StringComparison.Ordinal);
        Assert.Contains("pass --force", decision.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlay_with_nodes_is_removed_with_force_counting_them()
    {
        var decision = OverlayDecider.RemoveOverlay(Overlay(2), new RemoveOverlay("web", true), Now);

        Assert.Equal(2, Assert.IsType<OverlayRemoved>(decision.Events[0]).NodesRemoved);
        Assert.Equal(2, decision.Reply!.NodesRemoved);
    }

    [Fact]
    public void An_unknown_overlay_is_rejected_pointing_at_list_overlays()
    {
        var decision = OverlayDecider.RemoveOverlay(null, new RemoveOverlay("web", true), Now);

        AssertRejected(decision, Rules.OverlayUnknown, "there is no overlay named 'web'");
    }

    [Fact]
    public void An_invalid_name_is_rejected_before_anything_is_looked_up()
    {
        var decision = OverlayDecider.RemoveOverlay(null, new RemoveOverlay("Web", true), Now);

        AssertRejected(decision, Rules.NameInvalid, "overlay name:");
    }

    [Fact]
    public void A_deregistered_overlay_frees_its_name_id_and_cidr_for_the_next_create()
    {
        var registry = OverlayRegistry.Empty
            .Apply(new OverlayRegistered("web", 1, "10.10.0.0/16", Now))
            .Apply(new OverlayRegistered("db", 2, "10.11.0.0/16", Now))
            .Apply(new OverlayDeregistered("web", 1, "10.10.0.0/16", Now));

        var decision = OverlayDecider.CreateOverlay(
            registry, new CreateOverlay("web", null, null, null), Now);

        Assert.Null(decision.Rejection);
        Assert.Equal(1u, decision.Reply!.OverlayId);
        Assert.Equal("10.10.0.0/16", decision.Reply.Cidr);
    }

    [Fact]
    public void Folding_a_stream_with_a_removal_ends_the_table_and_a_new_creation_continues_its_versions()
    {
        var removedOnly = PeerTableEvolution.Fold(
        [
            new OverlayCreated("web", 1, "10.10.0.0/16", 24, 8285, Now),
            new NodeAdded("web", Guid.NewGuid(), 1, "192.0.2.11", "10.10.1.0/24", Now),
            new OverlayRemoved("web", 1, "10.10.0.0/16", 24, 8285, 1, Now),
        ]);
        var recreated = PeerTableEvolution.Fold(
        [
            new OverlayCreated("web", 1, "10.10.0.0/16", 24, 8285, Now),
            new NodeAdded("web", Guid.NewGuid(), 1, "192.0.2.11", "10.10.1.0/24", Now),
            new OverlayRemoved("web", 1, "10.10.0.0/16", 24, 8285, 1, Now),
            new OverlayCreated("web", 2, "10.30.0.0/16", 24, 8285, Now),
        ]);

        Assert.Null(removedOnly);
        Assert.NotNull(recreated);
        Assert.Equal(4, recreated.Version);
        Assert.Equal(2u, recreated.OverlayId);
        Assert.Empty(recreated.Nodes);
    }

    [Fact]
    public void The_table_sent_for_a_removed_overlay_is_valid_empty_and_at_the_removal_version()
    {
        var removed = new OverlayRemoved("web", 4, "10.20.0.0/16", 24, 8300, 2, Now);

        var table = PeerTableEvolution.Emptied(removed, 7);

        Assert.Null(PeerTableFile.Validate(table));
        Assert.Empty(table.Nodes);
        Assert.Equal(7, table.Version);
        Assert.Equal(("web", 4u, "10.20.0.0/16"), (table.Overlay, table.OverlayId, table.Cidr));
    }
}
