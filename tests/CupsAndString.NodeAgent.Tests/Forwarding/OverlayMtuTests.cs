using CupsAndString.NodeAgent.Forwarding;
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
    public void An_egress_mtu_leaving_less_than_68_bytes_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OverlayMtu.For(100));
        Assert.Contains("leaves 64 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_below_68_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OverlayMtu.For(1500, 67));
    }
}
