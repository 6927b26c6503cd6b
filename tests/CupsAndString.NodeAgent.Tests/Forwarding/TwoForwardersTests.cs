using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;
using static CupsAndString.NodeAgent.Tests.Support.Eventually;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

/// <summary>
/// Two forwarders with real TUN devices in two namespaces of the test's own, joined over
/// loopback UDP. Traffic is ping and python3 sockets inside those namespaces only.
/// </summary>
[Collection(NamespaceTests.Name)]
public sealed class TwoForwardersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [RootFact]
    public async Task A_ping_from_one_namespace_is_answered_through_both_forwarders()
    {
        await using var pair = await ForwarderPair.StartAsync();

        var ping = await pair.InAsync(pair.NamespaceA, Timeout, "ping", "-c", "3", "-i", "0.2", "-W",
            "2", "10.10.2.1");

        Assert.True(ping.ExitCode == 0, ping.ToString());
        Assert.Contains("3 received", ping.Output, StringComparison.Ordinal);
        Assert.True(pair.A.Counters.SentPackets >= 3, $"A sent {pair.A.Counters.SentPackets}");
        Assert.True(pair.B.Counters.ReceivedPackets >= 3, $"B received {pair.B.Counters.ReceivedPackets}");
        Assert.True(pair.A.Counters.ReceivedPackets >= 3, $"A received {pair.A.Counters.ReceivedPackets}");
        Assert.Equal(0, pair.B.Counters.Dropped(DropReason.UnknownSender));
        Assert.Equal(0, pair.B.Counters.Dropped(DropReason.SpoofedSource));
    }

    [RootFact]
    public async Task A_datagram_from_an_address_that_is_no_peer_is_dropped_and_counted()
    {
        await using var pair = await ForwarderPair.StartAsync();
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var inner = Packets.Ipv4("10.10.1.1", "10.10.2.1");

        stranger.SendTo(Packets.Datagram(Tables.OverlayId, inner), pair.B.LocalEndPoint);

        Assert.True(await WaitUntilAsync(() => pair.B.Counters.Dropped(DropReason.UnknownSender) == 1));
        Assert.Equal(0, pair.B.Counters.ReceivedPackets);
    }

    [RootFact]
    public async Task A_df_packet_above_the_overlay_mtu_gets_frag_needed_that_the_kernel_accepts()
    {
        await using var pair = await ForwarderPair.StartAsync(mtuA: 1200);

        var ping = await pair.InAsync(pair.NamespaceA, Timeout, "ping", "-M", "do", "-s", "1300", "-c",
            "1", "-W", "2",
            "10.10.2.1");
        var route = await pair.InAsync(pair.NamespaceA, Timeout, "ip", "route", "get", "10.10.2.1");

        Assert.Contains("mtu = 1200", ping.Output, StringComparison.Ordinal);
        Assert.Equal(1, pair.A.Counters.Dropped(DropReason.TooBig));
        Assert.Equal(1, pair.A.Counters.FragmentationNeededSent);
        Assert.Contains("mtu 1200", route.Output, StringComparison.Ordinal);
        Assert.Equal(0, pair.B.Counters.ReceivedPackets);
    }

    [RootFact]
    public async Task Four_mebibytes_of_tcp_cross_intact_after_path_mtu_discovery_shrinks_the_segments()
    {
        await using var pair = await ForwarderPair.StartAsync(mtuA: 1200, mtuB: 1200);
        const string server = """
            import hashlib, socket
            s = socket.socket(); s.bind(("10.10.2.1", 5001)); s.listen(1); s.settimeout(20)
            c, _ = s.accept(); c.settimeout(20); h = hashlib.sha256(); n = 0
            while True:
                d = c.recv(65536)
                if not d: break
                h.update(d); n += len(d)
            print(n, h.hexdigest())
            """;
        const string client = """
            import hashlib, random, socket, time
            data = random.Random(42).randbytes(4 * 1024 * 1024)
            for _ in range(50):
                try:
                    c = socket.create_connection(("10.10.2.1", 5001), timeout=20); break
                except OSError:
                    time.sleep(0.1)
            c.sendall(data); c.close()
            print(len(data), hashlib.sha256(data).hexdigest())
            """;

        var receiving = pair.InAsync(pair.NamespaceB, Timeout, "python3", "-c", server);
        var sending = await pair.InAsync(pair.NamespaceA, Timeout, "python3", "-c", client);
        var received = await receiving;

        Assert.True(sending.ExitCode == 0, sending.ToString());
        Assert.True(received.ExitCode == 0, received.ToString());
        Assert.StartsWith("4194304 ", received.Output, StringComparison.Ordinal);
        Assert.Equal(sending.Output, received.Output);
        Assert.True(pair.A.Counters.FragmentationNeededSent >= 1, "no frag-needed was sent");
    }

    [RootFact]
    public async Task A_swapped_table_without_the_peer_stops_traffic_and_swapping_back_restores_it()
    {
        await using var pair = await ForwarderPair.StartAsync();
        var alone = pair.Table with { Version = pair.Table.Version + 1, Nodes = [Tables.Node(1)] };

        pair.A.Update(ForwardingTable.Build(alone, 1));
        var blocked = await pair.InAsync(pair.NamespaceA, Timeout, "ping", "-c", "1", "-W", "1", "10.10.2.1");
        pair.A.Update(ForwardingTable.Build(pair.Table with { Version = alone.Version + 1 }, 1));
        var restored = await pair.InAsync(pair.NamespaceA, Timeout, "ping", "-c", "1", "-W", "2",
            "10.10.2.1");

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.True(pair.A.Counters.Dropped(DropReason.UnknownDestination) >= 1);
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(alone.Version + 1, pair.A.Table.Version);
    }

    [RootFact]
    public async Task Stopping_a_forwarder_ends_both_threads_promptly_and_removes_its_tun()
    {
        await using var pair = await ForwarderPair.StartAsync();
        var tun = pair.A.TunName;
        var clock = Stopwatch.StartNew();

        pair.A.Dispose();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
        Assert.True(pair.A.Completion.IsCompletedSuccessfully);
        var link = await Shell.RunAsync("ip", "-n", pair.NamespaceA, "link", "show", tun);
        Assert.NotEqual(0, link.ExitCode);
    }
}
