using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Routing;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Routing;

public sealed class DesiredHostStateTests
{
    [Fact]
    public void Node_three_gets_its_subnet_network_address_on_the_tun_and_the_overlay_routed_into_it()
    {
        var table = Table("10.10.0.0/16", "10.10.3.0/24");

        var state = DesiredHostState.For(table, table.Nodes[0], "cas-web", 1444);

        Assert.Equal(IPAddress.Parse("10.10.3.0"), state.TunAddress);
        Assert.Equal([Ipv4Prefix.Parse("10.10.0.0/16")], state.OverlayRoutes);
        Assert.Equal(1444, state.Mtu);
        Assert.Equal("CAS-cas-web", state.FirewallChain);
    }

    [Fact]
    public void Forwarding_is_on_and_the_tun_has_loose_reverse_path_filtering_and_ipv6_off()
    {
        var table = Table("10.10.0.0/16", "10.10.3.0/24");

        var state = DesiredHostState.For(table, table.Nodes[0], "cas-web", 1444);

        Assert.Equal(
            [
                "net.ipv4.ip_forward=1",
                "net.ipv4.conf.cas-web.rp_filter=2",
                "net.ipv6.conf.cas-web.disable_ipv6=1",
            ],
            state.Sysctls.Select(s => $"{s.Key.Key}={s.Value}"));
    }

    [Fact]
    public void Only_the_ipv6_setting_counts_as_met_when_the_kernel_does_not_have_it()
    {
        var table = Table("10.10.0.0/16", "10.10.3.0/24");

        var state = DesiredHostState.For(table, table.Nodes[0], "cas-web", 1444);

        Assert.Equal(
            ["net.ipv6.conf.cas-web.disable_ipv6"],
            state.Sysctls.Where(s => s.Key.MetWhenAbsent).Select(s => s.Key.Key));
    }

    [Fact]
    public void The_ipv6_setting_of_an_interface_that_does_not_exist_is_absent()
    {
        var setting = Sysctl.DisableIpv6("cas-nosuch9");

        Assert.Equal("/proc/sys/net/ipv6/conf/cas-nosuch9/disable_ipv6", setting.FilePath);
        Assert.False(setting.Exists);
        Assert.True(Sysctl.IpForward.Exists);
    }

    [Fact]
    public void A_node_subnet_outside_the_overlay_is_refused_with_both_prefixes_named()
    {
        var table = Table("10.10.0.0/16", "10.20.3.0/24");

        var error = Assert.Throws<ArgumentException>(
            () => DesiredHostState.For(table, table.Nodes[0], "cas-web", 1444));

        Assert.Equal("node 3's subnet 10.20.3.0/24 is not inside overlay web (10.10.0.0/16)", error.Message);
    }

    [Fact]
    public void Building_from_prefixes_gives_the_same_state_as_building_from_the_table()
    {
        var table = Table("10.10.0.0/16", "10.10.3.0/24");

        var fromTable = DesiredHostState.For(table, table.Nodes[0], "cas-web", 1444);
        var fromPrefixes = DesiredHostState.For(
            "web", Ipv4Prefix.Parse("10.10.0.0/16"), Ipv4Prefix.Parse("10.10.3.0/24"), "cas-web", 1444);

        Assert.Equal(fromTable.TunAddress, fromPrefixes.TunAddress);
        Assert.Equal(fromTable.OverlayRoutes, fromPrefixes.OverlayRoutes);
        Assert.Equal(fromTable.Sysctls, fromPrefixes.Sysctls);
        Assert.Equal(fromTable.FirewallChain, fromPrefixes.FirewallChain);
    }

    [Fact]
    public void An_mtu_below_the_ipv4_minimum_is_refused()
    {
        var table = Table("10.10.0.0/16", "10.10.3.0/24");

        Assert.Throws<ArgumentOutOfRangeException>(
            () => DesiredHostState.For(table, table.Nodes[0], "cas-web", 500));
    }

    [Fact]
    public void An_interface_name_with_a_dot_stays_one_part_of_the_sysctl_path()
    {
        var setting = Sysctl.RpFilter("eth0.100");

        Assert.Equal("/proc/sys/net/ipv4/conf/eth0.100/rp_filter", setting.FilePath);
        Assert.Equal(Sysctl.RpFilter("eth0.100"), setting);
    }

    private static PeerTable Table(string cidr, string subnet) =>
        new("web", 1, cidr, 24, 8285, 1, [new PeerNode(3, Guid.NewGuid(), "192.0.2.13", subnet)]);
}
