using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Messages;
using Xunit;
using static CupsAndString.ControlPlane.Tests.Deciding.CreateOverlayDeciderTests;

namespace CupsAndString.ControlPlane.Tests.Deciding;

public sealed class ReservedCidrDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Decision<OverlayAccepted> Create(string cidr) =>
        OverlayDecider.CreateOverlay(OverlayRegistry.Empty, new CreateOverlay("web", cidr, 24, null), Now);

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("0.0.0.0/1")]
    [InlineData("128.0.0.0/7")]
    [InlineData("10.0.0.0/7")]
    public void A_cidr_wider_than_a_slash_8_is_rejected_as_too_wide(string cidr)
    {
        AssertRejected(Create(cidr), Rules.CidrTooWide, $"{cidr} is wider than /8");
    }

    [Theory]
    [InlineData("0.0.0.0/8", "0.0.0.0/8, which names no host")]
    [InlineData("0.10.0.0/16", "0.0.0.0/8, which names no host")]
    [InlineData("127.0.0.0/8", "127.0.0.0/8, the loopback range")]
    [InlineData("127.10.0.0/16", "127.0.0.0/8, the loopback range")]
    [InlineData("169.254.0.0/16", "169.254.0.0/16, the link-local range")]
    [InlineData("169.254.10.0/23", "169.254.0.0/16, the link-local range")]
    [InlineData("224.0.0.0/8", "224.0.0.0/4, the multicast range")]
    [InlineData("239.10.0.0/16", "224.0.0.0/4, the multicast range")]
    [InlineData("240.0.0.0/8", "240.0.0.0/4, the reserved range with the broadcast address")]
    [InlineData("255.255.0.0/16", "240.0.0.0/4, the reserved range with the broadcast address")]
    public void A_cidr_overlapping_a_reserved_range_is_rejected_naming_the_range(string cidr, string range)
    {
        AssertRejected(Create(cidr), Rules.CidrReserved, $"{cidr} overlaps {range}, where containers cannot "
            + "be reached; choose a private range such as 10.10.0.0/16");
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("1.0.0.0/8")]
    [InlineData("126.0.0.0/8")]
    [InlineData("128.0.0.0/8")]
    [InlineData("169.253.0.0/16")]
    [InlineData("169.255.0.0/16")]
    [InlineData("223.0.0.0/8")]
    public void A_cidr_next_to_a_reserved_range_but_outside_it_is_accepted(string cidr)
    {
        var decision = Create(cidr);

        Assert.Null(decision.Rejection);
        Assert.Equal(cidr, decision.Reply!.Cidr);
    }
}
