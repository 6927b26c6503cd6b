using Xunit;
using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests.Kernel;

public sealed class RouteNetlinkNamespaceTests : IDisposable
{
    private readonly ScratchNamespaces namespaces = new();

    public void Dispose() => namespaces.Dispose();

    [RootFact]
    public void A_veth_pair_between_two_namespaces_carries_a_ping_and_the_kernel_reports_its_state()
    {
        var left = namespaces.Create("a");
        var right = namespaces.Create("b");
        using var leftNetlink = RouteNetlink.OpenInNamespace(left);
        using var rightNetlink = RouteNetlink.OpenInNamespace(right);
        using (var rightHandle = NamespaceHandle.Open(right))
        {
            leftNetlink.CreateVethPair("veth-a", "veth-b", rightHandle);
        }

        leftNetlink.SetMtu("veth-a", 1400);
        leftNetlink.AddAddress("veth-a", IPAddress.Parse("192.0.2.1"), 24);
        leftNetlink.SetUp("veth-a");
        leftNetlink.SetUp("lo");
        rightNetlink.AddAddress("veth-b", IPAddress.Parse("192.0.2.2"), 24);
        rightNetlink.SetUp("veth-b");

        var link = leftNetlink.GetLink("veth-a");
        Assert.Equal(1400, link.Mtu);
        Assert.True(link.IsUp);
        Assert.Equal("veth", link.Kind);
        Assert.Null(leftNetlink.FindLink("veth-b"));
        Assert.True(rightNetlink.GetLink("veth-b").IsUp);
        var addresses = leftNetlink.ListAddresses("veth-a");
        Assert.Equal(["192.0.2.1/24"], addresses.Select(a => a.ToString()));
        Assert.Contains(
            leftNetlink.ListRoutes(),
            r => r.Destination == Ipv4Prefix.Parse("192.0.2.0/24") && r.LinkIndex == link.Index);
        Assert.Equal(link.Index, leftNetlink.LookupRoute(IPAddress.Parse("192.0.2.2")).LinkIndex);
        Assert.Equal(1400, leftNetlink.GetEgressMtu(IPAddress.Parse("192.0.2.2")));

        var (exitCode, output) = NamespaceCommand.Run(left, "ping", "-c", "1", "-W", "2", "192.0.2.2");
        Assert.True(exitCode == 0, output);
    }

    [RootFact]
    public void Routes_of_our_protocol_can_be_added_replaced_listed_and_deleted()
    {
        var host = namespaces.Create("r");
        using var netlink = RouteNetlink.OpenInNamespace(host);
        netlink.CreateBridge("br-test");
        netlink.CreateVethPair("v-one", "v-two");
        netlink.AddAddress("br-test", IPAddress.Parse("192.0.2.1"), 24);
        netlink.SetUp("br-test");
        netlink.SetUp("v-one");
        netlink.SetMaster("v-one", "br-test");
        var bridge = netlink.GetLinkIndex("br-test");
        Assert.Equal(bridge, netlink.GetLink("v-one").MasterIndex);

        var viaGateway = new Ipv4Route(
            Ipv4Prefix.Parse("10.10.5.0/24"), IPAddress.Parse("192.0.2.9"), bridge);
        netlink.AddRoute(viaGateway);
        var duplicate = Assert.Throws<KernelCallException>(() => netlink.AddRoute(viaGateway));
        Assert.Equal("EEXIST", duplicate.ErrnoName);

        var onDevice = viaGateway with { Gateway = null, PreferredSource = IPAddress.Parse("192.0.2.1") };
        netlink.ReplaceRoute(onDevice);
        var ours = netlink.ListRoutes(protocol: RouteProtocols.Agent);
        Assert.Equal([onDevice], ours);

        netlink.DeleteRoute(onDevice);
        Assert.Empty(netlink.ListRoutes(protocol: RouteProtocols.Agent));

        netlink.SetMaster("v-one", null);
        Assert.Equal(0, netlink.GetLink("v-one").MasterIndex);
        netlink.DeleteLink("v-one");
        Assert.Null(netlink.FindLink("v-two"));
    }

    [RootFact]
    public void A_route_of_another_protocol_is_not_deleted_by_ours()
    {
        var host = namespaces.Create("p");
        using var netlink = RouteNetlink.OpenInNamespace(host);
        netlink.CreateBridge("br-test");
        netlink.SetUp("br-test");
        var theirs = new Ipv4Route(
            Ipv4Prefix.Parse("10.10.7.0/24"), null, netlink.GetLinkIndex("br-test"), RouteProtocols.Boot);
        netlink.AddRoute(theirs);

        var error = Assert.Throws<KernelCallException>(
            () => netlink.DeleteRoute(theirs with { Protocol = RouteProtocols.Agent }));

        Assert.Equal("ESRCH", error.ErrnoName);
        Assert.Equal([theirs], netlink.ListRoutes(protocol: RouteProtocols.Boot));
    }

    [RootFact]
    public void A_change_to_a_missing_link_fails_with_one_message_naming_the_action_the_link_and_ENODEV()
    {
        var host = namespaces.Create("e");
        using var netlink = RouteNetlink.OpenInNamespace(host);

        var error = Assert.Throws<KernelCallException>(() => netlink.SetMtu("nosuch0", 1400));

        Assert.StartsWith("failed to set MTU 1400 on nosuch0: ENODEV", error.Message);
    }

    [RootFact]
    public void A_named_namespace_is_usable_by_nsenter_and_gone_after_delete()
    {
        var name = namespaces.Create("n");
        Assert.True(NetworkNamespace.Exists(name));
        Assert.Contains(name, NetworkNamespace.List());

        var (exitCode, output) = NamespaceCommand.Run(name, "cat", "/proc/net/dev");
        Assert.Equal(0, exitCode);
        Assert.Contains("lo:", output);
        Assert.DoesNotContain("eth0", output);

        Assert.True(NetworkNamespace.Delete(name));
        Assert.False(NetworkNamespace.Exists(name));
        Assert.False(NetworkNamespace.Delete(name));
    }
}
