using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;

namespace CupsAndString.Bench.Forwarding;

/// <summary>
/// The per-packet work of both forwarder directions without the system calls: on the TUN side
/// parse, lookup and header; on the UDP side sender lookup, header check, parse and subnet
/// checks. The memory diagnoser shows whether a packet allocates.
/// </summary>
[MemoryDiagnoser]
public class ForwardingBenchmarks
{
    private const int Mtu = 1464;
    private const int PacketLength = 1400;

    private ForwardingTable _table = null!;
    private byte[] _tunBuffer = null!;
    private byte[] _datagram = null!;
    private SocketAddress _sender = null!;

    [GlobalSetup]
    public void Setup()
    {
        var nodes = Enumerable.Range(1, 200)
            .Select(n => new PeerNode(
                n,
                new Guid(n, 0, 0, new byte[8]),
                $"127.0.{n / 100}.{n % 100 + 1}",
                $"10.10.{n}.0/24"))
            .ToList();
        var peerTable = new PeerTable("bench", 7, "10.10.0.0/16", 24, OverlayDefaults.Port, 1, nodes);
        _table = ForwardingTable.Build(peerTable, localNodeNumber: 1);

        _tunBuffer = new byte[WireHeader.Size + PacketLength];
        WritePacket(_tunBuffer.AsSpan(WireHeader.Size), "10.10.1.2", "10.10.150.3");

        _datagram = new byte[WireHeader.Size + PacketLength];
        WireHeader.Data(7).Write(_datagram);
        WritePacket(_datagram.AsSpan(WireHeader.Size), "10.10.150.3", "10.10.1.2");
        _sender = new IPEndPoint(IPAddress.Parse(nodes[149].Address), OverlayDefaults.Port).Serialize();
    }

    [Benchmark(Description = "TUN side: parse + lookup + header")]
    public int TunSide() => NodeAgent.Forwarding.TunSide.Encapsulate(
        _tunBuffer, PacketLength, _table, Mtu, out _, out _);

    [Benchmark(Description = "UDP side: sender + header + parse + subnet checks")]
    public int UdpSide() => NodeAgent.Forwarding.UdpSide.Decapsulate(_datagram, _sender, _table, out _);

    [Benchmark(Description = "lookup by destination")]
    public ForwardingPeer? Lookup() => _table.FindByDestination(0x0A0A9603);

    private static void WritePacket(Span<byte> packet, string source, string destination)
    {
        packet.Clear();
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], PacketLength);
        BinaryPrimitives.WriteUInt16BigEndian(packet[6..], 0x4000);
        packet[8] = 64;
        packet[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(packet[12..], Ip(source));
        BinaryPrimitives.WriteUInt32BigEndian(packet[16..], Ip(destination));
    }

    private static uint Ip(string text) => Ipv4Prefix.TryParseAddress(text, out var value) ? value : 0;
}
