using System.Net;
using System.Net.Sockets;
using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

[Collection(NamespaceLabCollection.Name)]
public sealed class LabTrafficTests(SharedLabFixture fixture) : IClassFixture<SharedLabFixture>
{
    private NetworkLab Lab => fixture.Lab;

    [NamespaceLabFact]
    public async Task Two_containers_on_one_host_ping_each_other_through_the_bridge()
    {
        var from = Lab.Topology.Container(1, 1);
        var to = Lab.Topology.Container(1, 2);

        var result = await Lab.PingAsync(from, to.Address, 3, CancellationToken.None);

        Assert.True(result.Succeeded, result.Output);
        Assert.NotNull(result.AverageRoundTrip);
    }

    [NamespaceLabFact]
    public async Task A_container_reaches_its_host_bridge_as_its_gateway()
    {
        var container = Lab.Topology.Container(2, 1);

        var result = await Lab.PingAsync(container, container.Gateway, 1, CancellationToken.None);

        Assert.True(result.Succeeded, result.Output);
    }

    [NamespaceLabFact]
    public async Task Hosts_reach_each_other_on_the_underlay()
    {
        var one = Lab.Topology.Host(1);
        var two = Lab.Topology.Host(2);

        var there = await Lab.PingFromAsync(one.Namespace, two.UnderlayAddress, 2, CancellationToken.None);
        var back = await Lab.PingFromAsync(two.Namespace, one.UnderlayAddress, 2, CancellationToken.None);

        Assert.True(there.Succeeded, there.Output);
        Assert.True(back.Succeeded, back.Output);
    }

    [NamespaceLabFact]
    public async Task A_container_on_one_host_does_not_reach_a_container_on_another_without_an_overlay()
    {
        var from = Lab.Topology.Container(1, 1);
        var to = Lab.Topology.Container(2, 1);

        var result = await Lab.PingAsync(from, to.Address, 1, CancellationToken.None);

        Assert.False(result.Succeeded, result.Output);
    }

    [NamespaceLabFact]
    public async Task A_host_routes_to_its_containers_by_its_bridge_and_to_other_hosts_by_the_underlay()
    {
        var host = Lab.Topology.Host(1);

        var local = await Lab.RouteDeviceAsync(
            host.Namespace,
            Lab.Topology.Container(1, 2).Address,
            CancellationToken.None);
        var remote = await Lab.RouteDeviceAsync(
            host.Namespace,
            Lab.Topology.Host(2).UnderlayAddress,
            CancellationToken.None);
        var nowhere = await Lab.RouteDeviceAsync(
            host.Namespace,
            Lab.Topology.Container(2, 1).Address,
            CancellationToken.None);

        Assert.Equal(host.Bridge, local);
        Assert.Equal(host.UnderlayInterface, remote);
        Assert.Null(nowhere);
    }

    [NamespaceLabFact]
    public async Task The_management_link_reaches_a_listener_in_the_root_namespace()
    {
        using var listener = new TcpListener(LabAddresses.ManagementRoot, 0);
        listener.Start();
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        var accepted = listener.AcceptSocketAsync();

        var connected = await Lab.CanConnectAsync(
            Lab.Topology.Host(2).Namespace,
            endpoint,
            TimeSpan.FromSeconds(5),
            CancellationToken.None);

        Assert.True(connected);
        using var peer = await accepted.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Lab.Topology.Host(2).ManagementAddress, ((IPEndPoint)peer.RemoteEndPoint!).Address);
    }

    [NamespaceLabFact]
    public async Task Each_host_drops_forwarded_traffic_by_default_as_docker_does()
    {
        var host = Lab.Topology.Host(1);

        var rules = await Lab.RunAsync(
            host.Namespace,
            "iptables",
            ["-w", "-S", "FORWARD"],
            CancellationToken.None);
        var forwarding = await Lab.RunAsync(
            host.Namespace,
            "cat",
            ["/proc/sys/net/ipv4/ip_forward"],
            CancellationToken.None);

        Assert.Contains("-P FORWARD DROP", rules.EnsureSuccess().Output, StringComparison.Ordinal);
        Assert.Contains(
            $"-A FORWARD -i {host.Bridge} ! -o {host.Bridge} -j ACCEPT",
            rules.Output,
            StringComparison.Ordinal);
        Assert.Equal("1", forwarding.EnsureSuccess().Output.Trim());
    }

    [NamespaceLabFact]
    public async Task A_web_server_inside_a_container_answers_a_client_in_a_container_beside_it()
    {
        var server = Lab.Topology.Container(2, 2);
        var client = Lab.Topology.Container(2, 1);
        await using var http = await Lab.ServeHttpAsync(
            server,
            8080,
            "served in h2c2",
            CancellationToken.None);

        var result = await Lab.FetchAsync(
            client,
            new Uri($"http://{server.Address}:8080/"),
            CancellationToken.None);

        Assert.Equal("served in h2c2", result.EnsureSuccess().Output.TrimEnd('\n'));
        Assert.Equal(1, http.Served);
    }
}
