using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.Deciding;

public sealed class CreateOverlayDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static OverlayRegistry Registry(params (string Name, uint Id, string Cidr)[] overlays) =>
        new([.. overlays.Select(o => new OverlayRegistered(o.Name, o.Id, o.Cidr, Now))]);

    [Fact]
    public void A_first_overlay_with_no_options_takes_the_defaults_and_id_1()
    {
        var decision = OverlayDecider.CreateOverlay(OverlayRegistry.Empty, new CreateOverlay("web", null,
            null, null), Now);

        Assert.Null(decision.Rejection);
        var created = Assert.IsType<OverlayCreated>(decision.Events[0]);
        Assert.Equal(new OverlayCreated("web", 1, "10.10.0.0/16", 24, 8285, Now), created);
        Assert.Equal(new OverlayRegistered("web", 1, "10.10.0.0/16", Now), decision.Events[1]);
        Assert.Equal(254, decision.Reply!.Capacity);
    }

    [Fact]
    public void The_overlay_id_is_the_lowest_one_no_overlay_holds()
    {
        var registry = Registry(("a", 1, "10.1.0.0/16"), ("c", 3, "10.3.0.0/16"));

        var decision = OverlayDecider.CreateOverlay(registry, new CreateOverlay("b", "10.2.0.0/16", null,
            null), Now);

        Assert.Equal(2u, decision.Reply!.OverlayId);
    }

    [Theory]
    [InlineData("Web", "contains 'W'")]
    [InlineData("", "a name is required")]
    [InlineData("a-name-that-is-far-longer-than-32-chars", "at most 32")]
    public void An_invalid_name_is_rejected_saying_what_is_wrong(string name, string expected)
    {
        var decision = OverlayDecider.CreateOverlay(OverlayRegistry.Empty, new CreateOverlay(name, null,
            null, null), Now);

        AssertRejected(decision, Rules.NameInvalid, expected);
    }

    [Fact]
    public void A_name_already_taken_is_rejected()
    {
        var decision = OverlayDecider.CreateOverlay(
            Registry(("web", 1, "10.10.0.0/16")), new CreateOverlay("web", "10.20.0.0/16", null, null), Now);

        AssertRejected(decision, Rules.NameTaken, "an overlay named 'web' already exists; choose another "
            + "name");
    }

    [Theory]
    [InlineData("10.10.0.0", "has no prefix length")]
    [InlineData("10.10.0.0/40", "must be a number from 0 to 32")]
    [InlineData("10.10.1.0/16", "has host bits set; did you mean 10.10.0.0/16?")]
    [InlineData("banana/16", "is not an IPv4 CIDR")]
    public void An_invalid_cidr_is_rejected_with_the_parse_error(string cidr, string expected)
    {
        var decision = OverlayDecider.CreateOverlay(OverlayRegistry.Empty, new CreateOverlay("web", cidr,
            null, null), Now);

        AssertRejected(decision, Rules.CidrInvalid, expected);
    }

    [Fact]
    public void An_ipv6_cidr_is_rejected_as_not_ipv4()
    {
        var decision = OverlayDecider.CreateOverlay(
            OverlayRegistry.Empty, new CreateOverlay("web", "fd00:10::/48", null, null), Now);

        AssertRejected(decision, Rules.CidrNotIpv4, "'fd00:10::/48' is not an IPv4 CIDR");
    }

    [Theory]
    [InlineData("10.10.0.0/23", 24)]
    [InlineData("10.10.0.0/24", 24)]
    [InlineData("10.10.0.0/23", 23)]
    public void A_cidr_without_room_for_one_node_subnet_is_rejected_as_too_small(string cidr, int nodePrefix)
    {
        var decision = OverlayDecider.CreateOverlay(
            OverlayRegistry.Empty, new CreateOverlay("web", cidr, nodePrefix, null), Now);

        AssertRejected(decision, Rules.CidrTooSmall, "is too small for /");
    }

    [Fact]
    public void The_smallest_cidr_that_fits_one_node_is_accepted()
    {
        var decision = OverlayDecider.CreateOverlay(
            OverlayRegistry.Empty, new CreateOverlay("web", "10.10.0.0/22", 24, null), Now);

        Assert.Equal(2, decision.Reply!.Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    public void A_node_prefix_outside_1_to_30_is_rejected(int nodePrefix)
    {
        var decision = OverlayDecider.CreateOverlay(
            OverlayRegistry.Empty, new CreateOverlay("web", null, nodePrefix, null), Now);

        AssertRejected(decision, Rules.NodePrefixInvalid, $"node prefix /{nodePrefix} is not possible");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void A_port_outside_1_to_65535_is_rejected(int port)
    {
        var decision = OverlayDecider.CreateOverlay(OverlayRegistry.Empty, new CreateOverlay("web", null,
            null, port), Now);

        AssertRejected(decision, Rules.PortInvalid, $"port {port} is not a UDP port");
    }

    [Theory]
    [InlineData("10.10.0.0/16")]
    [InlineData("10.10.128.0/17")]
    [InlineData("10.0.0.0/8")]
    public void A_cidr_overlapping_another_overlay_is_rejected_naming_it(string cidr)
    {
        var decision = OverlayDecider.CreateOverlay(
            Registry(("web", 1, "10.10.0.0/16")), new CreateOverlay("db", cidr, null, null), Now);

        AssertRejected(decision, Rules.CidrOverlap, "overlaps overlay 'web' (10.10.0.0/16)");
    }

    [Fact]
    public void An_adjacent_cidr_does_not_overlap()
    {
        var decision = OverlayDecider.CreateOverlay(
            Registry(("web", 1, "10.10.0.0/16")), new CreateOverlay("db", "10.11.0.0/16", null, null), Now);

        Assert.Null(decision.Rejection);
    }

    internal static void AssertRejected<T>(Decision<T> decision, string rule, string fragment)
        where T : class
    {
        Assert.Empty(decision.Events);
        Assert.Null(decision.Reply);
        var rejection = Assert.IsType<CommandRejected>(decision.Rejection);
        Assert.Equal(rule, rejection.Rule);
        Assert.Contains(fragment, rejection.Reason, StringComparison.Ordinal);
    }
}
