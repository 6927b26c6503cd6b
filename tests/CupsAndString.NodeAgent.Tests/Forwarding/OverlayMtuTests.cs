using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Routing;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class OverlayMtuTests
{
    [Theory]
    [InlineData(1500, 1464)]
    [InlineData(9000, 8964)]
    [InlineData(1280, 1244)]
    public void The_overlay_mtu_is_the_egress_mtu_minus_ip_udp_and_our_header(int egress, int expected)
    {
        Assert.Equal(expected, OverlayMtu.For(egress));
    }

    [Fact]
    public void An_override_wins_over_the_egress_mtu()
    {
        Assert.Equal(1400, OverlayMtu.For(1500, 1400));
    }

    [Fact]
    public void An_egress_mtu_leaving_less_than_576_bytes_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OverlayMtu.For(611));
        Assert.Contains("leaves 575 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_egress_mtu_leaving_exactly_576_bytes_is_taken()
    {
        Assert.Equal(576, OverlayMtu.For(612));
    }

    [Fact]
    public void An_override_below_576_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OverlayMtu.For(1500, 575));
    }

    [Fact]
    public void Every_mtu_the_overlay_takes_is_one_the_host_state_takes_too()
    {
        var state = DesiredHostState.For("web", Ipv4Prefix.Parse("10.10.0.0/16"),
            Ipv4Prefix.Parse("10.10.1.0/24"), "cas-web", OverlayMtu.For(1500, OverlayMtu.Minimum));

        Assert.Equal(576, state.Mtu);
    }
}
