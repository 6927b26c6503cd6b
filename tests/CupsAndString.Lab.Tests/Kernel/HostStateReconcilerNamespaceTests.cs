using System.Net;
using System.Runtime.Versioning;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Routing;
using CupsAndString.Tests.Shared;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CupsAndString.Lab.Tests.Kernel;

public sealed class HostStateReconcilerNamespaceTests : IDisposable
{
    private const string Tun = "cas-t1";
    private static readonly Ipv4Prefix Overlay = Ipv4Prefix.Parse("10.10.0.0/16");

    private readonly ScratchNamespaces namespaces = new();
    private readonly List<IDisposable> resources = [];
    private readonly CollectingLogger<HostStateReconciler> logger = new();

    public void Dispose()
    {
        foreach (var resource in Enumerable.Reverse(resources))
        {
            resource.Dispose();
        }

        namespaces.Dispose();
    }

    [RootFact]
    public void The_first_reconcile_applies_everything_and_the_second_changes_nothing()
    {
        var (host, netlink, reconciler) = Host("a");
        var desired = Desired();

        var first = Inside(host, () => reconciler.Reconcile(desired));
        var second = Inside(host, () => reconciler.Reconcile(desired));

        Assert.Equal(11, first.Count);
        Assert.Empty(second);
        Assert.Equal(first.Count, logger.Lines.Count(l => l.Level == LogLevel.Information));
        var tun = netlink.GetLink(Tun);
        Assert.Equal(1400, tun.Mtu);
        Assert.True(tun.IsUp);
        Assert.Equal(["10.10.3.0/32"], netlink.ListAddresses(Tun).Select(a => a.ToString()));
        var route = Assert.Single(netlink.ListRoutes(protocol: RouteProtocols.Agent));
        Assert.Equal(Overlay, route.Destination);
        Assert.Equal(tun.Index, route.LinkIndex);
        Assert.Equal(IPAddress.Parse("10.10.3.0"), route.PreferredSource);
        Assert.Equal("1", Inside(host, Sysctl.IpForward.Read));
        Assert.Equal("2", Inside(host, Sysctl.RpFilter(Tun).Read));
        Assert.Equal("1", Inside(host, Sysctl.DisableIpv6(Tun).Read));
        Assert.True(Inside(host, () => new IptablesFirewall().IsInstalled(desired.FirewallChain, Tun)));
    }

    [RootFact]
    public void A_route_someone_deleted_is_restored_by_the_next_reconcile()
    {
        var (host, netlink, reconciler) = Host("b");
        var desired = Desired();
        Inside(host, () => reconciler.Reconcile(desired));
        netlink.DeleteRoute(netlink.ListRoutes(protocol: RouteProtocols.Agent).Single());
        Assert.Empty(netlink.ListRoutes(protocol: RouteProtocols.Agent));

        var changes = Inside(host, () => reconciler.Reconcile(desired));

        Assert.Equal(["route 10.10.0.0/16 dev cas-t1 src 10.10.3.0"], changes);
        Assert.Equal(Overlay, Assert.Single(netlink.ListRoutes(protocol: RouteProtocols.Agent)).Destination);
    }

    [RootFact]
    public void A_stale_route_of_ours_is_removed_and_a_route_of_another_protocol_is_kept()
    {
        var (host, netlink, reconciler) = Host("c");
        var tunIndex = netlink.GetLinkIndex(Tun);
        netlink.SetUp(Tun);
        var stale = new Ipv4Route(Ipv4Prefix.Parse("10.20.0.0/16"), null, tunIndex);
        var foreign = new Ipv4Route(Ipv4Prefix.Parse("10.30.0.0/16"), null, tunIndex, RouteProtocols.Boot);
        netlink.AddRoute(stale);
        netlink.AddRoute(foreign);

        var changes = Inside(host, () => reconciler.Reconcile(Desired()));

        Assert.Contains("removal of route 10.20.0.0/16 dev cas-t1", changes);
        Assert.Equal(
            [Overlay],
            netlink.ListRoutes(protocol: RouteProtocols.Agent).Select(r => r.Destination));
        Assert.Equal([foreign], netlink.ListRoutes(protocol: RouteProtocols.Boot));
    }

    [RootFact]
    public void A_failing_step_undoes_the_changes_made_before_it()
    {
        var (host, netlink, _) = Host("d");
        var before = netlink.GetLink(Tun);
        var broken = new HostStateReconciler(netlink, new IptablesFirewall("/nonexistent/iptables"), logger);

        var error = Assert.Throws<FirewallException>(() => Inside(host, () => broken.Reconcile(Desired())));

        Assert.Contains("install the iptables package", error.Message);
        var after = netlink.GetLink(Tun);
        Assert.Equal(before.Mtu, after.Mtu);
        Assert.False(after.IsUp);
        Assert.Empty(netlink.ListAddresses(Tun));
        Assert.Empty(netlink.ListRoutes(protocol: RouteProtocols.Agent));
        Assert.Equal("0", Inside(host, Sysctl.IpForward.Read));
        Assert.Equal("0", Inside(host, Sysctl.DisableIpv6(Tun).Read));
        Assert.Contains(
            logger.Lines,
            l => l.Level == LogLevel.Warning && l.Message.Contains("undoing 7 change"));
    }

    [RootFact]
    [SupportedOSPlatform("linux")]
    public void A_firewall_that_fails_half_way_leaves_no_half_built_chain_behind()
    {
        var (host, netlink, _) = Host("h");
        var script = Path.Combine(Path.GetTempPath(), $"iptables-failing-insert-{Guid.NewGuid():N}");
        File.WriteAllText(
            script,
            "#!/bin/sh\ncase \" $* \" in *\" -I \"*) echo 'refused for the test' >&2; exit 4;; esac\n"
            + "exec iptables \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var reconciler = new HostStateReconciler(netlink, new IptablesFirewall(script), logger);

            var error = Assert.Throws<FirewallException>(
                () => Inside(host, () => reconciler.Reconcile(Desired())));

            Assert.Contains("refused for the test", error.Message);
            var (_, rules) = NamespaceCommand.Run(host, "iptables", "-S");
            Assert.DoesNotContain("CAS-cas-t1", rules);
            Assert.Empty(netlink.ListRoutes(protocol: RouteProtocols.Agent));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [RootFact]
    public void Removing_everything_on_stop_leaves_no_route_address_or_chain_and_a_restart_applies_again()
    {
        var (host, netlink, reconciler) = Host("e");
        var desired = Desired();
        Inside(host, () => reconciler.Reconcile(desired));

        var removed = Inside(host, () => reconciler.RemoveAll(desired));

        Assert.Equal(3, removed.Count);
        Assert.Empty(netlink.ListRoutes(protocol: RouteProtocols.Agent));
        Assert.Empty(netlink.ListAddresses(Tun));
        Assert.False(Inside(host, () => new IptablesFirewall().IsInstalled(desired.FirewallChain, Tun)));

        var reapplied = Inside(host, () => reconciler.Reconcile(desired));
        Assert.Equal(6, reapplied.Count);
        Assert.Single(netlink.ListRoutes(protocol: RouteProtocols.Agent));
    }

    [RootFact]
    public void A_missing_tun_is_reported_by_name_and_nothing_is_changed()
    {
        var host = namespaces.Create("f");
        var netlink = Keep(RouteNetlink.OpenInNamespace(host));
        var reconciler = new HostStateReconciler(netlink, new IptablesFirewall(), logger);

        var error = Assert.Throws<InvalidOperationException>(
            () => Inside(host, () => reconciler.Reconcile(Desired())));

        Assert.StartsWith("TUN cas-t1 does not exist", error.Message);
        Assert.Equal("0", Inside(host, Sysctl.IpForward.Read));
    }

    [RootFact]
    public void The_egress_mtu_towards_peers_is_the_mtu_of_the_underlay_device()
    {
        var (host, netlink, reconciler) = Host("g");
        netlink.CreateBridge("underlay0");
        netlink.SetMtu("underlay0", 1420);
        netlink.AddAddress("underlay0", IPAddress.Parse("192.0.2.13"), 24);
        netlink.SetUp("underlay0");

        var mtu = reconciler.EgressMtu(Table(), Table().Nodes[2]);

        Assert.Equal(1420, mtu);
        Assert.Equal(1420, reconciler.EgressMtuFrom(IPAddress.Parse("192.0.2.13")));
        var missing = Assert.Throws<InvalidOperationException>(
            () => reconciler.EgressMtuFrom(IPAddress.Parse("192.0.2.99")));
        Assert.StartsWith("no interface on this host has address 192.0.2.99", missing.Message);
    }

    private (string Host, RouteNetlink Netlink, HostStateReconciler Reconciler) Host(string suffix)
    {
        var host = namespaces.Create(suffix);
        Keep(TestTun.Open(host, Tun));
        var netlink = Keep(RouteNetlink.OpenInNamespace(host));
        return (host, netlink, new HostStateReconciler(netlink, new IptablesFirewall(), logger));
    }

    private T Keep<T>(T resource)
        where T : IDisposable
    {
        resources.Add(resource);
        return resource;
    }

    private static T Inside<T>(string host, Func<T> action) => NetworkNamespace.Run(host, action);

    private static DesiredHostState Desired()
    {
        var table = Table();
        return DesiredHostState.For(table, table.Nodes[2], Tun, 1400);
    }

    private static PeerTable Table() =>
        new(
            "web",
            7,
            "10.10.0.0/16",
            24,
            8285,
            3,
            [
                new PeerNode(1, Guid.NewGuid(), "192.0.2.11", "10.10.1.0/24"),
                new PeerNode(2, Guid.NewGuid(), "192.0.2.12", "10.10.2.0/24"),
                new PeerNode(3, Guid.NewGuid(), "192.0.2.13", "10.10.3.0/24"),
            ]);
}
