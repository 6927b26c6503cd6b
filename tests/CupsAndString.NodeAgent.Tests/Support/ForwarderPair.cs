using System.Net;
using System.Net.Sockets;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Linux;
using Microsoft.Extensions.Logging.Abstractions;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>
/// Two real forwarders joined over loopback UDP (127.0.0.11 and 127.0.0.12, a free port), each
/// with a real TUN device moved into a network namespace of its own. Namespace A holds 10.10.1.1
/// on its TUN, namespace B 10.10.2.1; both route 10.10.0.0/16 into the TUN. Every name starts with
/// a random prefix, so parallel and leftover runs never collide. Nothing leaves loopback or the
/// two namespaces.
/// </summary>
public sealed class ForwarderPair : IAsyncDisposable
{
    private ForwarderPair(string prefix, PeerTable table, Forwarder a, Forwarder b)
    {
        Prefix = prefix;
        Table = table;
        A = a;
        B = b;
    }

    public string Prefix { get; }

    public PeerTable Table { get; }

    public Forwarder A { get; }

    public Forwarder B { get; }

    public string NamespaceA => Prefix + "-a";

    public string NamespaceB => Prefix + "-b";

    public static async Task<ForwarderPair> StartAsync(int mtuA = 1464, int mtuB = 1464)
    {
        var prefix = "fw" + Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        var table = Tables.ThreeNodes(port: FreePort()) with { Nodes = [Tables.Node(1), Tables.Node(2)] };
        Forwarder? a = null;
        Forwarder? b = null;
        try
        {
            a = await StartOneAsync(prefix + "-a", table, 1, mtuA);
            b = await StartOneAsync(prefix + "-b", table, 2, mtuB);
            return new ForwarderPair(prefix, table, a, b);
        }
        catch
        {
            a?.Dispose();
            b?.Dispose();
            await Shell.RunAsync("ip", "netns", "del", prefix + "-a");
            await Shell.RunAsync("ip", "netns", "del", prefix + "-b");
            throw;
        }
    }

    /// <summary>Runs a command inside namespace A or B.</summary>
    public Task<Shell.Result> InAsync(string ns, TimeSpan timeout, params string[] command) =>
        Shell.RunAsync("ip", new[] { "netns", "exec", ns }.Concat(command), timeout);

    public async ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        await Shell.RunAsync("ip", "netns", "del", NamespaceA);
        await Shell.RunAsync("ip", "netns", "del", NamespaceB);
    }

    private static async Task<Forwarder> StartOneAsync(string name, PeerTable table, int node, int mtu)
    {
        await Shell.CheckAsync("ip", "netns", "add", name);
        var tun = TunDevice.Open(name);
        var forwarder = new Forwarder(tun, ForwardingTable.Build(table, node), mtu,
            NullLoggerFactory.Instance);
        try
        {
            await Shell.CheckAsync("ip", "link", "set", tun.Name, "netns", name);
            await Shell.CheckAsync("ip", "-n", name, "addr", "add", $"10.10.{node}.1/16", "dev", tun.Name);
            await Shell.CheckAsync("ip", "-n", name, "link", "set", tun.Name, "up");
            await Shell.CheckAsync("ip", "-n", name, "link", "set", "lo", "up");
            return forwarder;
        }
        catch
        {
            forwarder.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
