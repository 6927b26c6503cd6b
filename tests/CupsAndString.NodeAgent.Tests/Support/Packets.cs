using System.Buffers.Binary;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Builds IPv4 packets and overlay datagrams byte by byte for the forwarder tests.</summary>
public static class Packets
{
    public static uint Ip(string address) =>
        Ipv4Prefix.TryParseAddress(address, out var value) ? value : throw new FormatException(address);

    /// <summary>An IPv4 packet with a 20-byte header, a valid checksum and that payload length.</summary>
    public static byte[] Ipv4(
        string source,
        string destination,
        int payloadLength = 16,
        bool dontFragment = false,
        byte protocol = 17)
    {
        var packet = new byte[20 + payloadLength];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), 0x1234);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), dontFragment ? (ushort)0x4000 : (ushort)0);
        packet[8] = 64;
        packet[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), Ip(source));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), Ip(destination));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10),
            InternetChecksum.Compute(packet.AsSpan(0, 20)));
        for (var i = 20; i < packet.Length; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }

    /// <summary>A minimal IPv6 header (version nibble 6), 40 bytes.</summary>
    public static byte[] Ipv6()
    {
        var packet = new byte[40];
        packet[0] = 0x60;
        return packet;
    }

    /// <summary>Our header for the overlay followed by the inner packet.</summary>
    public static byte[] Datagram(uint overlayId, byte[] inner)
    {
        var datagram = new byte[WireHeader.Size + inner.Length];
        WireHeader.Data(overlayId).Write(datagram);
        inner.CopyTo(datagram, WireHeader.Size);
        return datagram;
    }

    /// <summary>A TUN-side buffer: room for our header, then the packet as read from the TUN.</summary>
    public static byte[] TunBuffer(byte[] packet)
    {
        var buffer = new byte[WireHeader.Size + packet.Length];
        packet.CopyTo(buffer, WireHeader.Size);
        return buffer;
    }
}
