using System.Net;
using System.Net.Sockets;
using System.Text;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>
/// Two hosts joined by the overlay: real agents from a static peer table, real TUN devices,
/// real kernels forwarding between Docker-like bridges.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class TwoHostOverlayTests(TwoHostOverlayFixture fixture) : IClassFixture<TwoHostOverlayFixture>
{
    private static readonly TimeSpan TrafficLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StatusLimit = TimeSpan.FromSeconds(8);

    private NetworkLab Lab => fixture.Lab;

    private LabContainer Container(int host, int number) => fixture.Topology.Container(host, number);

    [NamespaceLabFact]
    public async Task Containers_on_the_two_hosts_ping_each_other_in_both_directions()
    {
        var there = await Lab.PingAsync(Container(1, 1), Container(2, 1).Address, 3, CancellationToken.None);
        var back = await Lab.PingAsync(Container(2, 2), Container(1, 2).Address, 3, CancellationToken.None);

        Assert.True(there.Succeeded, there.Output + fixture.Logs());
        Assert.True(back.Succeeded, back.Output + fixture.Logs());
    }

    [NamespaceLabFact]
    public async Task Udp_datagrams_cross_the_overlay_intact_with_the_sender_address_kept()
    {
        byte[][] payloads =
        [
            Encoding.ASCII.GetBytes("first"),
            Enumerable.Range(0, 1400).Select(i => (byte)i).ToArray(),
            new byte[1],
        ];

        var arrived = await OverlayTraffic.SendUdpAsync(
            Container(1, 2),
            Container(2, 1),
            payloads,
            TrafficLimit);
        var returned = await OverlayTraffic.SendUdpAsync(
            Container(2, 1),
            Container(1, 2),
            payloads,
            TrafficLimit);

        Assert.Equal(payloads, arrived.Select(a => a.Payload));
        Assert.All(arrived, a => Assert.Equal(Container(1, 2).Address, a.Source));
        Assert.Equal(payloads, returned.Select(a => a.Payload));
        Assert.All(returned, a => Assert.Equal(Container(2, 1).Address, a.Source));
    }

    [NamespaceLabFact]
    public async Task Ten_mebibytes_over_tcp_arrive_with_the_sha256_they_were_sent_with()
    {
        const int size = 10 * 1024 * 1024;

        var (sent, received, bytes) = await OverlayTraffic.TransferTcpAsync(
            Container(1, 1),
            Container(2, 2),
            size,
            TrafficLimit);

        Assert.Equal(size, bytes);
        Assert.Equal(Convert.ToHexString(sent), Convert.ToHexString(received));
    }

    [NamespaceLabFact]
    public async Task Traffic_across_hosts_is_counted_as_sent_by_one_agent_and_received_by_the_other()
    {
        var before1 = await CurrentStatusAsync(1);
        var before2 = await CurrentStatusAsync(2);

        var ping = await Lab.PingAsync(Container(1, 1), Container(2, 2).Address, 5, CancellationToken.None);
        var after1 = await CurrentStatusAsync(1);
        var after2 = await CurrentStatusAsync(2);

        Assert.True(ping.Succeeded, ping.Output);
        Assert.True(after1.Counters.SentPackets - before1.Counters.SentPackets >= 5);
        Assert.True(after1.Counters.ReceivedPackets - before1.Counters.ReceivedPackets >= 5);
        Assert.True(after2.Counters.SentPackets - before2.Counters.SentPackets >= 5);
        Assert.True(after2.Counters.ReceivedPackets - before2.Counters.ReceivedPackets >= 5);
    }

    [NamespaceLabFact]
    public async Task Traffic_between_two_containers_on_one_host_does_not_touch_the_tun()
    {
        var before = await CurrentStatusAsync(1);
        var linkBefore = await TunPacketsAsync(1, before.Tun!);

        var ping = await Lab.PingAsync(Container(1, 1), Container(1, 2).Address, 5, CancellationToken.None);
        var udp = await OverlayTraffic.SendUdpAsync(
            Container(1, 2),
            Container(1, 1),
            [new byte[1000], new byte[1000]],
            TrafficLimit);
        var (_, _, bytes) = await OverlayTraffic.TransferTcpAsync(
            Container(1, 1),
            Container(1, 2),
            1024 * 1024,
            TrafficLimit);
        var linkAfter = await TunPacketsAsync(1, before.Tun!);
        var after = await CurrentStatusAsync(1);

        Assert.True(ping.Succeeded, ping.Output);
        Assert.Equal(2, udp.Count);
        Assert.Equal(1024 * 1024, bytes);
        Assert.Equal(before.Counters.SentPackets, after.Counters.SentPackets);
        Assert.Equal(before.Counters.ReceivedPackets, after.Counters.ReceivedPackets);
        Assert.Equal(
            before.Counters.Dropped["unknown_destination"],
            after.Counters.Dropped["unknown_destination"]);
        Assert.Equal(linkBefore.Received, linkAfter.Received);

        // The kernel may still send an IPv6 router solicitation or MLD report into a fresh TUN;
        // the agent drops those as not_ipv4. Anything else the TUN carried would be IPv4 and
        // would have moved the sent or unknown_destination counters checked above.
        var intoTun = linkAfter.Transmitted - linkBefore.Transmitted;
        var notIpv4 = after.Counters.Dropped["not_ipv4"] - before.Counters.Dropped["not_ipv4"];
        Assert.True(intoTun <= notIpv4, $"{intoTun} packets went into the TUN, {notIpv4} of them not IPv4");
    }

    [NamespaceLabFact]
    public async Task A_datagram_from_outside_the_table_is_dropped_and_counted_as_unknown_sender()
    {
        // A stranger on the underlay: the underlay switch's own namespace, given an address.
        var stranger = fixture.Topology.Names.UnderlayNamespace;
        await fixture.RunAsync(
            stranger,
            "ip", "address", "replace", "192.0.2.250/24", "dev", fixture.Topology.Names.UnderlayBridge);
        var target = new IPEndPoint(fixture.Topology.Host(2).UnderlayAddress, fixture.Table.Port);
        var before = await CurrentStatusAsync(2);

        using (var socket = NetworkNamespace.Run(
            stranger,
            () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)))
        {
            var datagram = new byte[64];
            NodeAgent.Forwarding.WireHeader.Data(fixture.Table.OverlayId).Write(datagram);
            await socket.SendToAsync(datagram, SocketFlags.None, target);
        }

        var after = await fixture.StatusAsync(
            2,
            DateTimeOffset.UtcNow,
            s => s.Counters.Dropped["unknown_sender"] > before.Counters.Dropped["unknown_sender"],
            StatusLimit);
        Assert.Equal(
            before.Counters.Dropped["unknown_sender"] + 1,
            after!.Counters.Dropped["unknown_sender"]);
        Assert.Equal(before.Counters.ReceivedPackets, after.Counters.ReceivedPackets);
    }

    [NamespaceLabFact]
    public async Task A_df_packet_above_the_overlay_mtu_gets_frag_needed_and_the_path_mtu_becomes_1464()
    {
        var from = Container(1, 2);
        var to = Container(2, 2);
        var mtu = (await CurrentStatusAsync(1)).Mtu;

        var big = await Lab.RunAsync(
            from.Namespace,
            "ping",
            ["-n", "-c", "1", "-W", "2", "-M", "do", "-s", "1472", to.Address.ToString()],
            CancellationToken.None);
        var route = await fixture.RunAsync(
            from.Namespace,
            "ip", "-4", "route", "get", to.Address.ToString());
        var fitting = await Lab.RunAsync(
            from.Namespace,
            "ping",
            ["-n", "-c", "1", "-W", "2", "-M", "do", "-s", $"{mtu - 28}", to.Address.ToString()],
            CancellationToken.None);

        Assert.Equal(1464, mtu);
        Assert.NotEqual(0, big.ExitCode);
        Assert.Contains("Frag needed and DF set (mtu = 1464)", big.Output, StringComparison.Ordinal);
        Assert.Contains(" mtu 1464", route, StringComparison.Ordinal);
        Assert.Equal(0, fitting.ExitCode);
    }

    /// <summary>A status the agent wrote after this call began, so it counts all earlier traffic.</summary>
    private async Task<AgentStatus> CurrentStatusAsync(int host)
    {
        var now = DateTimeOffset.UtcNow;
        var status = await fixture.StatusAsync(host, now, _ => true, StatusLimit);
        return status is not null && status.UpdatedAt > now
            ? status
            : throw new LabException($"the agent of h{host} wrote no status in time:\n{fixture.Logs()}");
    }

    private async Task<(long Received, long Transmitted)> TunPacketsAsync(int host, string tun)
    {
        // Link statistics as netlink reports them: received = written by the agent into the TUN,
        // transmitted = routed by the kernel into the TUN for the agent to read.
        var output = await fixture.RunAsync(
            fixture.Topology.Host(host).Namespace,
            "ip", "-s", "-j", "link", "show", "dev", tun);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var stats = json.RootElement[0].GetProperty("stats64");
        return (
            stats.GetProperty("rx").GetProperty("packets").GetInt64(),
            stats.GetProperty("tx").GetProperty("packets").GetInt64());
    }
}
